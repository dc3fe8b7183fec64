package org.vigil.core.api;

/** Whether a timed check of the protocol was done in its window. */
public enum CheckpointStatus {
    /** Not done yet, and its window has not closed. */
    DUE,
    /** A blood pressure was recorded in its window. */
    DONE,
    /** Its window closed without a blood pressure. */
    OVERDUE
}
