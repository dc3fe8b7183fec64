package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Someone read a session's record: who, what, when. Stored in the session's audit stream, never in the session's
 * own. Timeline requests, which a playback sends many times a second, are recorded per user and session in windows
 * of a minute: the first request of a window as it comes, the rest of the window as one event when it closes.
 *
 * @param requests  how many requests this event stands for, 1 unless merged
 * @param firstAt   when the first of them was answered
 * @param lastAt    when the last of them was answered
 * @param rangeFrom for timeline requests, the earliest moment of the session asked for, else {@code null}
 * @param rangeTo   for timeline requests, the latest moment asked for, else {@code null}
 */
@Revision("1")
public record SessionRecordAccessedEvent(SessionId sessionId, RecordAccess access, String user, int requests,
                                         Instant firstAt, Instant lastAt, Instant rangeFrom, Instant rangeTo) {
}
