package org.vigil.adapters.hl7.wire;

/**
 * MSA-1 acknowledgement code (HL7 table 0008).
 * AE says the content was in error or could not be stored, so the sender may correct it or resend;
 * AR says the message was rejected for what it is (type, structure), so resending it unchanged will not help.
 */
public enum AckCode {
    /** Application accept: the message's events are stored (or were already stored). */
    AA,
    /** Application error. */
    AE,
    /** Application reject. */
    AR
}
