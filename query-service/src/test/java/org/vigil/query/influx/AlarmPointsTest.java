package org.vigil.query.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;

class AlarmPointsTest {

    private static final AlarmId ALARM = new AlarmId("a-1");
    private static final SessionId SESSION = new SessionId("s-1");
    private static final ChairId CHAIR = new ChairId("chair-2");
    private static final Instant RAISED = Instant.parse("2026-03-02T09:31:00Z");
    private static final AlarmRaisedEvent RAISE = new AlarmRaisedEvent(ALARM, SESSION, CHAIR, "severe-hypertension",
            AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL, "SBP 187 > 180", 187.0, RAISED.minusSeconds(4), RAISED);

    @Test
    void aRaiseIsAnActivePointWithPriorityRuleKindTextAndValue() {
        // when
        InfluxPoint point = AlarmPoints.raised(RAISE);

        // then
        assertThat(point.measurement()).isEqualTo("alarm");
        assertThat(point.time()).isEqualTo(RAISED);
        assertThat(point.tags()).containsEntry("alarm", "a-1").containsEntry("session", "s-1")
                .containsEntry("chair", "chair-2").containsEntry("rule", "severe-hypertension")
                .containsEntry("priority", "HIGH").containsEntry("kind", "PHYSIOLOGICAL")
                .containsEntry("state", "raised");
        assertThat(point.fields()).containsEntry("text", "HIGH SBP 187 > 180").containsEntry("active", 1L)
                .containsEntry("value", 187.0).containsEntry("seconds_delayed", 4.0);
    }

    @Test
    void anAcknowledgementCarriesWhoAndTheTimeToAcknowledgeAndTheRaisesTags() {
        // given
        AlarmAcknowledgedEvent ack = new AlarmAcknowledgedEvent(ALARM, SESSION, CHAIR, "nurse-ann",
                RAISED.plusMillis(42_500));

        // when
        InfluxPoint point = AlarmPoints.acknowledged(ack, Optional.of(RAISE));

        // then
        assertThat(point.time()).isEqualTo(ack.at());
        assertThat(point.tags()).containsEntry("state", "acknowledged").containsEntry("priority", "HIGH")
                .containsEntry("rule", "severe-hypertension");
        assertThat(point.fields()).containsEntry("user", "nurse-ann").containsEntry("seconds_to_ack", 42.5)
                .containsEntry("active", 1L);
    }

    @Test
    void anAcknowledgementAndTheClearingItCausesAtTheSameInstantAreTwoPoints() {
        // given
        Instant at = RAISED.plusSeconds(60);

        // when
        InfluxPoint acknowledged = AlarmPoints.acknowledged(new AlarmAcknowledgedEvent(ALARM, SESSION, CHAIR,
                "nurse-ann", at), Optional.of(RAISE));
        InfluxPoint cleared = AlarmPoints.cleared(new AlarmClearedEvent(ALARM, SESSION, CHAIR, at),
                Optional.of(RAISE));

        // then the identities (measurement, tags, time) differ, so neither overwrites the other
        assertThat(acknowledged.time()).isEqualTo(cleared.time());
        assertThat(acknowledged.tags()).isNotEqualTo(cleared.tags());
        assertThat(cleared.fields()).containsEntry("active", 0L).containsEntry("seconds_active", 60.0);
    }

    @Test
    void aLatchedConditionEndStaysActive() {
        // when
        InfluxPoint point = AlarmPoints.conditionEnded(new AlarmConditionEndedEvent(ALARM, SESSION, CHAIR,
                RAISED.plusSeconds(30)), Optional.of(RAISE));

        // then
        assertThat(point.tags()).containsEntry("state", "condition_ended");
        assertThat(point.fields()).containsEntry("active", 1L);
    }

    @Test
    void withoutItsRaiseALaterStateIsStillWrittenWithTheTagsItHas() {
        // when
        InfluxPoint point = AlarmPoints.cleared(new AlarmClearedEvent(ALARM, SESSION, CHAIR, RAISED),
                Optional.empty());

        // then
        assertThat(point.tags()).containsOnlyKeys("alarm", "session", "chair", "state");
        assertThat(point.fields()).containsEntry("active", 0L).doesNotContainKey("seconds_active");
    }
}
