package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An audio pause ended before its time: a new alarm of higher priority than every alarm sounding when it was
 * raised broke through (IEC 60601-1-8), or the session ended.
 *
 * @param reason  why, for example {@code break-through}
 * @param alarmId the alarm that broke through, {@code null} for any other reason
 */
@Revision("1")
public record AudioPauseEndedEvent(SessionId sessionId, ChairId chairId, String reason, AlarmId alarmId,
                                   Instant at) {

    public static final String BREAK_THROUGH = "break-through";
}
