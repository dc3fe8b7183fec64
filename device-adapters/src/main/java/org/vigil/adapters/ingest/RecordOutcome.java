package org.vigil.adapters.ingest;

/** What became of a device message handed over to be recorded. */
public enum RecordOutcome {
    /** Its events are now committed. */
    RECORDED,
    /** The same message — same key, same content — was recorded before; nothing new was stored (a resend). */
    DUPLICATE
}
