package org.vigil.core.api;

/** Alarms an infusion pump raises itself (docs/DOMAIN.md, "Infusion pumps"). */
public enum PumpAlarmKind {
    OCCLUSION_DOWNSTREAM,
    OCCLUSION_UPSTREAM,
    AIR_IN_LINE,
    DOOR_OPEN,
    INFUSION_COMPLETE,
    LOW_BATTERY,
    /** A pump alarm Vigil has no name for; its text says what it is. */
    OTHER
}
