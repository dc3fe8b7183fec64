package org.vigil.core.api;

/** Alarm priorities of IEC 60601-1-8, highest first. */
public enum AlarmPriority {
    /** Immediate response required: red, fast flash. */
    HIGH,
    /** Prompt response required: yellow, slow flash. */
    MEDIUM,
    /** Awareness: cyan, steady. */
    LOW;

    public boolean isHigherThan(AlarmPriority other) {
        return ordinal() < other.ordinal();
    }
}
