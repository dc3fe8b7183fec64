package org.vigil.core.api;

/** Physiological alarms (the patient) and technical alarms (the equipment) are kept apart (IEC 60601-1-8). */
public enum AlarmKind {
    PHYSIOLOGICAL,
    TECHNICAL
}
