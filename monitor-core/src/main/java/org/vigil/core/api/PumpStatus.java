package org.vigil.core.api;

/** What an infusion pump is doing (docs/DOMAIN.md, "Infusion pumps"). */
public enum PumpStatus {
    /** Programmed or switched on, not delivering. */
    IDLE,
    INFUSING,
    PAUSED,
    /** Stopped before the programme finished, by a user or by a high-priority pump alarm. */
    STOPPED,
    /** The volume to be infused was delivered. */
    COMPLETE,
    /** Keep vein open: a minimal rate after completion. */
    KVO
}
