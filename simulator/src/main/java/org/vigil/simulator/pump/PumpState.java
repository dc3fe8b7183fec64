package org.vigil.simulator.pump;

/** What the simulated pump is doing (docs/DOMAIN.md, "Infusion pumps"); the names are the serial protocol's modes. */
public enum PumpState {
    IDLE,
    INFUSING,
    PAUSED,
    STOPPED,
    COMPLETE,
    KVO
}
