package org.vigil.core.api;

/** What was read of a session's record, for its audit trail ({@link SessionRecordAccessedEvent}). */
public enum RecordAccess {
    /** The review page of the session. */
    REVIEW,
    /** The session as it stood at a moment ({@code /timeline?at=}). */
    TIMELINE,
    /** The REMS Patient Monitoring Form, as JSON or as the printable page. */
    REMS,
    /** The CSV export of the device values. */
    CSV,
    /** The FHIR R4 bundle. */
    FHIR,
    /** The PDF report. */
    REPORT
}
