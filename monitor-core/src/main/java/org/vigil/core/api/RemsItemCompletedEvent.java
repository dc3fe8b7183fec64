package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A director completed a field of a session's REMS Patient Monitoring Form that its events do not hold, such as the
 * devices' lot numbers or the sedation assessment. Stored beside the session's stream, never in it: the session's
 * record stays what happened at the chair.
 */
@Revision("1")
public record RemsItemCompletedEvent(SessionId sessionId, RemsItem item, String value, String user, Instant at) {
}
