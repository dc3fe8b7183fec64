package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.protocol.Escalation;

/**
 * Escalation deadlines derived from the stored events: raise time plus the protocol's delay (docs/DOMAIN.md defaults:
 * HIGH 60 s, MEDIUM 180 s, LOW never), gone once the alarm is acknowledged, cleared or escalated.
 */
class EscalationWatchTest {

    private static final Escalation POLICY = ClinicProtocol.loadDefault().escalation();
    private static final SessionId SESSION = new SessionId("s");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final AlarmId ALARM = new AlarmId("alarm-1");
    private static final Instant RAISED = Instant.parse("2026-03-02T09:00:00Z");

    private final EscalationWatch watch = new EscalationWatch();

    /** Seconds after the raise; {@code -} when nothing happened. */
    @ParameterizedTest(name = "{0} raised, then {1} at {2} s; at {3} s due: {4}")
    @CsvSource(nullValues = "-", value = {
            "HIGH,   -,            -,   59,   false",
            "HIGH,   -,            -,   60,   true",
            "HIGH,   -,            -,   600,  true",
            "MEDIUM, -,            -,   179,  false",
            "MEDIUM, -,            -,   180,  true",
            "LOW,    -,            -,   3600, false",
            "HIGH,   acknowledged, 59,  60,   false",
            "HIGH,   acknowledged, 61,  61,   false",
            "HIGH,   cleared,      30,  60,   false",
            "HIGH,   escalated,    60,  61,   false",
            "MEDIUM, acknowledged, 179, 180,  false",
    })
    void anAlarmIsDueWhenNobodyAcknowledgedItInTime(AlarmPriority priority, String then, Integer thenAt, int now,
                                                   boolean due) {
        // given
        watch.apply(raised(priority));
        if (then != null) {
            watch.apply(switch (then) {
                case "acknowledged" -> new AlarmAcknowledgedEvent(ALARM, SESSION, CHAIR, "nurse", at(thenAt));
                case "cleared" -> new AlarmClearedEvent(ALARM, SESSION, CHAIR, at(thenAt));
                default -> new AlarmEscalatedEvent(ALARM, SESSION, CHAIR, priority, "charge nurse", at(thenAt));
            });
        }

        // when
        List<AlarmId> dueNow = watch.due(at(now), POLICY);

        // then
        assertThat(dueNow).isEqualTo(due ? List.of(ALARM) : List.of());
    }

    @Test
    void theDeadlineIsTheRaiseTimePlusTheDelayOfItsPriority() {
        // given
        watch.apply(raised(AlarmPriority.HIGH));

        // when / then
        assertThat(watch.deadline(ALARM, POLICY)).contains(RAISED.plusSeconds(60));
    }

    private static AlarmRaisedEvent raised(AlarmPriority priority) {
        return new AlarmRaisedEvent(ALARM, SESSION, CHAIR, "rule", priority, AlarmKind.PHYSIOLOGICAL, "m", null,
                RAISED, RAISED);
    }

    private static Instant at(int seconds) {
        return RAISED.plusSeconds(seconds);
    }
}
