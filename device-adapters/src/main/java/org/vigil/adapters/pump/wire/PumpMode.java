package org.vigil.adapters.pump.wire;

/**
 * The mode field of a status reply, spelled on the wire as the constant's name (see {@code package-info}). The
 * modes are the pump states of docs/DOMAIN.md, "Infusion pumps".
 */
public enum PumpMode {
    IDLE,
    INFUSING,
    PAUSED,
    STOPPED,
    COMPLETE,
    KVO
}
