package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.alarm.AlarmChange.EndCondition;
import org.vigil.core.alarm.AlarmChange.Raise;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.ProtocolRef;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Treatment;

/** Only a change of a rule's decision becomes a command. */
class SessionAlarmsTest {

    private static final SessionId SESSION = new SessionId("s");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final String RULE = "desaturation";
    private static final Condition MEDIUM =
            new Condition(AlarmPriority.MEDIUM, AlarmKind.PHYSIOLOGICAL, "SpO2 88 % < 90", 88.0);
    private static final Condition HIGH =
            new Condition(AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL, "SpO2 83 % < 85", 83.0);
    private static final AlarmId ACTIVE = new AlarmId("active");

    private SessionAlarms session;

    @BeforeEach
    void startSession() {
        session = SessionAlarms.started(new SessionStartedEvent(SESSION, CHAIR, "P", 70, 40, Treatment.ESKETAMINE,
                null, new ProtocolRef("p", "1"), AT));
    }

    @Test
    void aNewConditionRaisesAnAlarm() {
        // when / then
        assertThat(session.changesFor(RULE, MEDIUM)).containsExactly(new Raise(RULE, MEDIUM));
    }

    @Test
    void theSameConditionAgainChangesNothing() {
        // given
        session.raised(raised(ACTIVE, AlarmPriority.MEDIUM));

        // when / then
        assertThat(session.changesFor(RULE, MEDIUM)).isEmpty();
    }

    @Test
    void aHigherPriorityRaisesTheNewAlarmThenEndsTheOld() {
        // given
        session.raised(raised(ACTIVE, AlarmPriority.MEDIUM));

        // when / then
        assertThat(session.changesFor(RULE, HIGH)).containsExactly(new Raise(RULE, HIGH), new EndCondition(ACTIVE));
    }

    @Test
    void aLowerPriorityRaisesTheNewAlarmThenEndsTheOld() {
        // given
        session.raised(raised(ACTIVE, AlarmPriority.HIGH));

        // when / then
        assertThat(session.changesFor(RULE, MEDIUM))
                .containsExactly(new Raise(RULE, MEDIUM), new EndCondition(ACTIVE));
    }

    @Test
    void backToNormalEndsTheCondition() {
        // given
        session.raised(raised(ACTIVE, AlarmPriority.HIGH));

        // when / then
        assertThat(session.changesFor(RULE, RuleDecision.NORMAL)).containsExactly(new EndCondition(ACTIVE));
    }

    @Test
    void notApplicableChangesNothing() {
        // given
        session.raised(raised(ACTIVE, AlarmPriority.HIGH));

        // when / then
        assertThat(session.changesFor(RULE, RuleDecision.NOT_APPLICABLE)).isEmpty();
    }

    @Test
    void aLatchedAlarmWhoseConditionEndedIsNotEndedAgain() {
        // given
        session.raised(raised(ACTIVE, AlarmPriority.HIGH));
        session.conditionEnded(new AlarmConditionEndedEvent(ACTIVE, SESSION, CHAIR, AT));

        // when / then
        assertThat(session.changesFor(RULE, RuleDecision.NORMAL)).isEmpty();
    }

    @Test
    void aClearedAlarmIsForgottenSoTheConditionRaisesAgain() {
        // given
        session.raised(raised(ACTIVE, AlarmPriority.MEDIUM));
        session.cleared(new AlarmClearedEvent(ACTIVE, SESSION, CHAIR, AT));

        // when / then
        assertThat(session.changesFor(RULE, MEDIUM)).containsExactly(new Raise(RULE, MEDIUM));
    }

    @Test
    void anotherRulesAlarmIsLeftAlone() {
        // given
        session.raised(raised(ACTIVE, AlarmPriority.MEDIUM));

        // when / then
        assertThat(session.changesFor("tachycardia", RuleDecision.NORMAL)).isEmpty();
    }

    @Test
    void foldingTheSameRaiseTwiceTracksOneAlarm() {
        // given
        session.raised(raised(ACTIVE, AlarmPriority.MEDIUM));
        session.raised(raised(ACTIVE, AlarmPriority.MEDIUM));

        // when / then
        assertThat(session.changesFor(RULE, RuleDecision.NORMAL)).containsExactly(new EndCondition(ACTIVE));
    }

    private static AlarmRaisedEvent raised(AlarmId id, AlarmPriority priority) {
        return new AlarmRaisedEvent(id, SESSION, CHAIR, RULE, priority, AlarmKind.PHYSIOLOGICAL, "m", 88.0, AT, AT);
    }
}
