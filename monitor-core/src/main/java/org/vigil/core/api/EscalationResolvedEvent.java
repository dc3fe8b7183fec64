package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The escalation was resolved and the session resumed in {@code resumed}. */
@Revision("1")
public record EscalationResolvedEvent(SessionId sessionId, ChairId chairId, SessionState resumed, String note,
                                      String user, Instant at) implements WorkflowEvent {
}
