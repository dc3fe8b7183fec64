package org.vigil.core.api;

import java.time.Instant;

/**
 * The audio pause of a chair as a screen shows it, counting down to {@code until}.
 *
 * @param endedAt   when a higher-priority alarm broke through, {@code null} otherwise
 * @param endReason why it ended early, {@code null} otherwise
 */
public record AudioPauseView(ChairId chairId, SessionId sessionId, String pausedBy, Instant pausedAt, Instant until,
                             Instant endedAt, String endReason) {

    /** Paused at {@code now}: before {@code until} and not broken through. */
    public boolean pausedAt(Instant now) {
        return endedAt == null && now.isBefore(until);
    }
}
