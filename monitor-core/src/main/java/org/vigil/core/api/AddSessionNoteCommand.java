package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A note on the session, at any time. */
public record AddSessionNoteCommand(@TargetAggregateIdentifier SessionId sessionId, String text, String user,
                                    Instant at) {
}
