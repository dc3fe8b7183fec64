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

    /** The pause as it starts, not broken through. */
    public static AudioPauseView paused(AudioPausedEvent event) {
        return new AudioPauseView(event.chairId(), event.sessionId(), event.user(), event.at(), event.until(), null,
                null);
    }

    /** This pause after a higher-priority alarm broke through it at {@code at}, for {@code reason}. */
    public AudioPauseView endedEarly(Instant at, String reason) {
        return new AudioPauseView(chairId, sessionId, pausedBy, pausedAt, until, at, reason);
    }

    /** Paused at {@code now}: before {@code until} and not broken through. */
    public boolean pausedAt(Instant now) {
        return endedAt == null && now.isBefore(until);
    }
}
