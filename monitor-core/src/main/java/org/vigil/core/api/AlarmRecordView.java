package org.vigil.core.api;

import java.time.Duration;
import java.time.Instant;

/**
 * One alarm of a session as its events tell it, for review: who responded and how fast (docs/DOMAIN.md, "Alarm
 * behaviour": every state change has who and when, so response times can be measured per alarm and per nurse).
 *
 * @param timeToAcknowledge from the raise to the acknowledgement, {@code null} while nobody acknowledged
 * @param resolvedBy        who ended the alarm: resolved it, acknowledged it after its condition ended, or overrode
 *                          it; {@code null} when it ended by itself or is still active
 * @param resolution        how it ended, {@code null} while active
 * @param timeToResolve     from the raise to the end, {@code null} while active
 * @param brokeThroughAudioPause whether raising it ended an audio pause
 */
public record AlarmRecordView(AlarmId alarmId, String rule, AlarmPriority priority, AlarmKind kind, String message,
                              Instant conditionStartedAt, Instant raisedAt, String acknowledgedBy,
                              Instant acknowledgedAt, Duration timeToAcknowledge, Instant escalatedAt,
                              String escalatedTo, Instant clearedAt, String resolvedBy, String resolution,
                              Duration timeToResolve, boolean brokeThroughAudioPause) {
}
