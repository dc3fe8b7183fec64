package org.vigil.simulator.mllp;

/** How the delivery of one message ended. */
public enum DeliveryOutcome {
    /** MSA-1 AA (or CA). */
    ACCEPTED,
    /** MSA-1 AE (or CE): the receiver took the message but could not process it; not resent. */
    ERROR,
    /** MSA-1 AR (or CR): the receiver refused the message; not resent. */
    REJECTED,
    /** No matching ACK within the timeout, on every attempt; the message was given up. */
    TIMED_OUT,
    /** The client was closed before the message was acknowledged. */
    STOPPED
}
