package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A named user paused the chair's alarm sounds until {@code until}. The pause ends by itself then, without an event
 * of its own; a new alarm of higher priority ends it earlier ({@link AudioPauseEndedEvent}).
 */
@Revision("1")
public record AudioPausedEvent(SessionId sessionId, ChairId chairId, String user, Instant at, Instant until) {
}
