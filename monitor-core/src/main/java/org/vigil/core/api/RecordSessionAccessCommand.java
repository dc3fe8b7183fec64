package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a session's record was read ({@link SessionRecordAccessedEvent} has the fields). */
public record RecordSessionAccessCommand(SessionId sessionId, RecordAccess access, String user, int requests,
                                         Instant firstAt, Instant lastAt, Instant rangeFrom, Instant rangeTo) {

    /** The session's audit stream, apart from the session's own: {@code audit-<session id>}. */
    @TargetAggregateIdentifier
    public String auditId() {
        return "audit-" + sessionId.value();
    }
}
