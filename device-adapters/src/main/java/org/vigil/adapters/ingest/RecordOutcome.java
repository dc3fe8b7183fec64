package org.vigil.adapters.ingest;

/** What became of a device message handed over to be recorded. */
public enum RecordOutcome {
    /** Its events are now committed. */
    RECORDED,
    /** A message with the same key was recorded before; nothing new was stored (a resend). */
    DUPLICATE
}
