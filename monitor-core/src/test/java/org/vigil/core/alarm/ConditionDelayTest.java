package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.alarm.AlarmChange.EndCondition;
import org.vigil.core.alarm.AlarmChange.Raise;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ProtocolRef;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.Vital;
import org.vigil.core.protocol.ClinicProtocol;

/**
 * Condition delays of docs/DOMAIN.md, "Alarm behaviour" (SpO2 15 s, HR 10 s, NIBP and desaturation-HIGH none), played at
 * 1 Hz through the rules: a condition must last its delay before the alarm is raised, and one that resolves within
 * the delay raises nothing. The raise records when the condition began.
 */
class ConditionDelayTest {

    private static final ClinicProtocol PROTOCOL = ClinicProtocol.loadDefault();
    private static final SessionId SESSION = new SessionId("s");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Map<Vital, Double> NORMAL = Map.of(Vital.HEART_RATE, 80.0, Vital.SPO2, 97.0,
            Vital.NIBP_SYSTOLIC, 120.0, Vital.RESPIRATORY_RATE, 14.0);
    private static final List<AlarmRule> RULES = Stream.concat(AlarmRules.ALL.stream(),
            TechnicalAlarmRules.ALL.stream()).toList();

    private final SessionAlarms session = SessionAlarms.started(new SessionStartedEvent(SESSION, CHAIR, "P", 70, 40,
            Treatment.IV_KETAMINE, null, new ProtocolRef("p", "1"), T0));
    private final Map<AlarmId, AlarmPriority> priorities = new HashMap<>();
    private final Map<AlarmId, String> rules = new HashMap<>();
    private final List<String> decisions = new ArrayList<>();

    /**
     * The vital is out of range from second 0 to {@code lastAbnormal} (one message a second), then back in range.
     * Expected: the rule, priority and second of the raise, and the second the condition began; {@code -} for none.
     */
    @ParameterizedTest(name = "{0} {1} from 0 s to {2} s -> {3}")
    @CsvSource({
            "HEART_RATE,       130, 4,  -",
            "HEART_RATE,       130, 9,  -",
            "HEART_RATE,       130, 10, tachycardia MEDIUM raised at 10 s since 0 s",
            "HEART_RATE,       145, 9,  -",
            "HEART_RATE,       145, 10, tachycardia HIGH raised at 10 s since 0 s",
            "HEART_RATE,       45,  9,  -",
            "HEART_RATE,       45,  10, bradycardia MEDIUM raised at 10 s since 0 s",
            "HEART_RATE,       35,  10, bradycardia HIGH raised at 10 s since 0 s",
            "SPO2,             88,  14, -",
            "SPO2,             88,  15, desaturation MEDIUM raised at 15 s since 0 s",
            "SPO2,             84,  0,  desaturation HIGH raised at 0 s since 0 s",
            "NIBP_SYSTOLIC,    186, 0,  severe-hypertension HIGH raised at 0 s since 0 s",
            "NIBP_SYSTOLIC,    85,  0,  hypotension MEDIUM raised at 0 s since 0 s",
            "RESPIRATORY_RATE, 6,   0,  bradypnea MEDIUM raised at 0 s since 0 s",
    })
    void aConditionMustLastItsDelay(Vital vital, double value, int lastAbnormal, String expected) {
        // when
        for (int second = 0; second <= lastAbnormal; second++) {
            message(second, Observation.of(vital, value, at(second)));
        }
        message(lastAbnormal + 1, Observation.of(vital, NORMAL.get(vital), at(lastAbnormal + 1)));

        // then
        List<String> raises = decisions.stream().filter(d -> d.contains("raised")).toList();
        assertThat(raises).containsExactlyElementsOf(expected.equals("-") ? List.of() : List.of(expected));
    }

    @Test
    void aWorseningDesaturationRaisesTheHighAlarmAtOnceWithTheStartOfTheCondition() {
        // when
        for (int second = 0; second <= 5; second++) {
            message(second, Observation.of(Vital.SPO2, 88, at(second)));
        }
        message(6, Observation.of(Vital.SPO2, 83, at(6)));

        // then
        assertThat(decisions).containsExactly("desaturation HIGH raised at 6 s since 0 s");
    }

    @Test
    void anImprovingDesaturationEndsTheHighConditionAtOnceAndRaisesMediumAfterItsDelay() {
        // when
        message(0, Observation.of(Vital.SPO2, 83, at(0)));
        for (int second = 1; second <= 15; second++) {
            message(second, Observation.of(Vital.SPO2, 88, at(second)));
        }

        // then
        assertThat(decisions).containsExactly("desaturation HIGH raised at 0 s since 0 s",
                "desaturation HIGH condition ended at 1 s", "desaturation MEDIUM raised at 15 s since 0 s");
    }

    @Test
    void aMessageWithoutTheVitalNeitherStopsNorRestartsTheDelay() {
        // when
        for (int second = 0; second <= 10; second++) {
            Observation observation = second % 2 == 0 ? Observation.of(Vital.HEART_RATE, 130, at(second))
                    : Observation.of(Vital.NIBP_SYSTOLIC, 120, at(second));
            message(second, observation);
        }

        // then
        assertThat(decisions).containsExactly("tachycardia MEDIUM raised at 10 s since 0 s");
    }

    @Test
    void aValueBackInRangeWithinTheDelayStartsTheNextConditionAfresh() {
        // when
        for (int second = 0; second <= 8; second++) {
            message(second, Observation.of(Vital.HEART_RATE, 130, at(second)));
        }
        message(9, Observation.of(Vital.HEART_RATE, 80, at(9)));
        for (int second = 10; second <= 19; second++) {
            message(second, Observation.of(Vital.HEART_RATE, 130, at(second)));
        }

        // then
        assertThat(decisions).isEmpty();
    }

    @Test
    void aSensorOffAlarmHasNoDelay() {
        // when
        message(0, Observation.notAvailable(Vital.SPO2, at(0)));

        // then
        assertThat(decisions).containsExactly("sensor-off-spo2 MEDIUM raised at 0 s since 0 s");
    }

    private void message(int second, Observation... observations) {
        Readings readings = Readings.of(List.of(observations));
        Instant at = at(second);
        for (AlarmRule rule : RULES) {
            RuleDecision decision = rule.evaluate(readings, new PatientContext(null, 40, Treatment.IV_KETAMINE),
                    PROTOCOL.alarms());
            for (AlarmChange change : session.changesFor(rule.name(), decision, at,
                    priority -> rule.delayFor(priority, PROTOCOL.delays()))) {
                record(change, at, second);
            }
        }
    }

    private void record(AlarmChange change, Instant at, int second) {
        if (change instanceof Raise raise) {
            AlarmId id = AlarmId.random();
            AlarmPriority priority = raise.condition().priority();
            priorities.put(id, priority);
            rules.put(id, raise.rule());
            Instant since = raise.conditionStartedAt() != null ? raise.conditionStartedAt() : at;
            session.raised(new AlarmRaisedEvent(id, SESSION, CHAIR, raise.rule(), priority,
                    raise.condition().kind(), raise.condition().message(), raise.condition().value(), since, at));
            decisions.add(raise.rule() + " " + priority + " raised at " + second + " s since "
                    + (since.getEpochSecond() - T0.getEpochSecond()) + " s");
        } else if (change instanceof EndCondition end) {
            AlarmPriority priority = priorities.get(end.alarmId());
            if (priority == AlarmPriority.HIGH) {
                session.conditionEnded(new AlarmConditionEndedEvent(end.alarmId(), SESSION, CHAIR, at));
            } else {
                session.cleared(new AlarmClearedEvent(end.alarmId(), SESSION, CHAIR, at));
            }
            decisions.add(rules.get(end.alarmId()) + " " + priority + " condition ended at " + second + " s");
        }
    }

    private static Instant at(int second) {
        return T0.plusSeconds(second);
    }
}
