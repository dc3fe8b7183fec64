package org.vigil.query.influx;

import static org.vigil.query.influx.InfluxSchema.ALARM;
import static org.vigil.query.influx.InfluxSchema.TAG_ALARM;
import static org.vigil.query.influx.InfluxSchema.TAG_CHAIR;
import static org.vigil.query.influx.InfluxSchema.TAG_KIND;
import static org.vigil.query.influx.InfluxSchema.TAG_PRIORITY;
import static org.vigil.query.influx.InfluxSchema.TAG_RULE;
import static org.vigil.query.influx.InfluxSchema.TAG_SESSION;
import static org.vigil.query.influx.InfluxSchema.TAG_STATE;
import static org.vigil.query.influx.InfluxSchema.VALUE;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;

/**
 * One {@code alarm} point per state change of an alarm, so Grafana can draw each change as an annotation and
 * count and time them (docs/DOMAIN.md, "Alarm behaviour": every state change is an event with who and when, so
 * time-to-acknowledge and time-to-resolve can be measured). The state is a tag: an acknowledgement and the
 * clearing it causes share an instant and must stay two points. Later states carry the raise's rule, priority
 * and kind, looked up from the raise, so every point can be filtered the same way.
 */
final class AlarmPoints {

    static final String RAISED = "raised";
    static final String ACKNOWLEDGED = "acknowledged";
    static final String CONDITION_ENDED = "condition_ended";
    static final String CLEARED = "cleared";

    private AlarmPoints() {
    }

    static InfluxPoint raised(AlarmRaisedEvent event) {
        return base(event.alarmId(), event.sessionId(), event.chairId(), Optional.of(event), RAISED,
                event.raisedAt())
                .field("text", event.priority() + " " + text(Optional.of(event)))
                .field("active", 1)
                .field(VALUE, event.value())
                .field("seconds_delayed", event.conditionStartedAt() == null ? null
                        : seconds(event.conditionStartedAt(), event.raisedAt()))
                .build();
    }

    static InfluxPoint acknowledged(AlarmAcknowledgedEvent event, Optional<AlarmRaisedEvent> raise) {
        return base(event.alarmId(), event.sessionId(), event.chairId(), raise, ACKNOWLEDGED, event.at())
                .field("text", "acknowledged by " + event.user() + ": " + text(raise))
                .field("active", 1)
                .field("user", event.user())
                .field("seconds_to_ack", raise.map(r -> seconds(r.raisedAt(), event.at())).orElse(null))
                .build();
    }

    static InfluxPoint conditionEnded(AlarmConditionEndedEvent event, Optional<AlarmRaisedEvent> raise) {
        return base(event.alarmId(), event.sessionId(), event.chairId(), raise, CONDITION_ENDED, event.at())
                .field("text", "condition ended, latched until acknowledged: " + text(raise))
                .field("active", 1)
                .build();
    }

    static InfluxPoint cleared(AlarmClearedEvent event, Optional<AlarmRaisedEvent> raise) {
        return base(event.alarmId(), event.sessionId(), event.chairId(), raise, CLEARED, event.at())
                .field("text", "cleared: " + text(raise))
                .field("active", 0)
                .field("seconds_active", raise.map(r -> seconds(r.raisedAt(), event.at())).orElse(null))
                .build();
    }

    private static InfluxPoint.Builder base(AlarmId alarm, SessionId session, ChairId chair,
                                            Optional<AlarmRaisedEvent> raise, String state, Instant at) {
        return InfluxPoint.of(ALARM, at)
                .tag(TAG_CHAIR, chair)
                .tag(TAG_SESSION, session)
                .tag(TAG_ALARM, alarm)
                .tag(TAG_RULE, raise.map(AlarmRaisedEvent::rule).orElse(null))
                .tag(TAG_PRIORITY, raise.map(AlarmRaisedEvent::priority).orElse(null))
                .tag(TAG_KIND, raise.map(AlarmRaisedEvent::kind).orElse(null))
                .tag(TAG_STATE, state);
    }

    private static String text(Optional<AlarmRaisedEvent> raise) {
        return raise.map(r -> r.message() != null && !r.message().isBlank() ? r.message() : r.rule())
                .orElse("alarm");
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
