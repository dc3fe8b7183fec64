package org.vigil.query.ingest;

/** What the duplicate check made of a device message, returned as the result of its record command. */
public enum Admission {
    /** Never seen: recorded. */
    NEW,
    /** The same sender, control id and content as a message stored before: a resend, nothing recorded. */
    DUPLICATE,
    /**
     * A control id the sender used before for other content — a gateway that reset its counter: recorded, counted
     * and logged.
     */
    REUSED_CONTROL_ID
}
