package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A director completes one field of a session's REMS Patient Monitoring Form. */
public record CompleteRemsItemCommand(SessionId sessionId, RemsItem item, String value, String user, Instant at) {

    /** The form's own stream, apart from the session's: {@code rems-<session id>}. */
    @TargetAggregateIdentifier
    public String formId() {
        return "rems-" + sessionId.value();
    }
}
