package org.vigil.core.api;

import java.time.Instant;

/** The escalation was resolved and the session resumed in {@code resumed}. */
public record EscalationResolvedEvent(SessionId sessionId, ChairId chairId, SessionState resumed, String note,
                                      String user, Instant at) implements WorkflowEvent {
}
