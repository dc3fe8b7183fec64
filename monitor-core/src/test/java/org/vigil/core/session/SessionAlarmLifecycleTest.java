package org.vigil.core.session;

import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.HIGH_ALARM;
import static org.vigil.core.session.SessionTestData.MEDIUM_ALARM;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.T0;
import static org.vigil.core.session.SessionTestData.TECHNICAL_HIGH_ALARM;
import static org.vigil.core.session.SessionTestData.highRaised;
import static org.vigil.core.session.SessionTestData.mediumRaised;
import static org.vigil.core.session.SessionTestData.raise;
import static org.vigil.core.session.SessionTestData.raised;
import static org.vigil.core.session.SessionTestData.started;
import static org.vigil.core.session.SessionTestData.technicalHighRaised;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AcknowledgeAlarmCommand;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.EndAlarmConditionCommand;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.SessionEndedEvent;

/** The alarm lifecycle of IEC 60601-1-8 as docs/DOMAIN.md "Alarm behaviour" applies it. */
class SessionAlarmLifecycleTest {

    private static final Instant RECOVERED = T0.plusSeconds(300);
    private static final Instant ACKNOWLEDGED = T0.plusSeconds(400);

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    @Test
    void raisesAnAlarmOnTheSessionsChair() {
        // when / then
        fixture.given(started())
                .when(raise(HIGH_ALARM, "severe-hypertension", AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL))
                .expectEvents(highRaised());
    }

    @Test
    void raisingTheSameAlarmIdTwiceRecordsItOnce() {
        // when / then
        fixture.given(started(), highRaised())
                .when(raise(HIGH_ALARM, "severe-hypertension", AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void raisesNothingWhileAnAlarmOfTheSameRuleAndPriorityIsActive() {
        // when / then
        fixture.given(started(), highRaised())
                .when(raise(new AlarmId("another"), "severe-hypertension", AlarmPriority.HIGH,
                        AlarmKind.PHYSIOLOGICAL))
                .expectNoEvents();
    }

    @Test
    void raisesTheSameRuleAtAnotherPriority() {
        // when / then
        fixture.given(started(), mediumRaised())
                .when(raise(new AlarmId("higher"), "relative-surge", AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL))
                .expectEvents(raised(new AlarmId("higher"), "relative-surge", AlarmPriority.HIGH,
                        AlarmKind.PHYSIOLOGICAL));
    }

    @Test
    void raisesTheRuleAgainOnceItsLastAlarmCleared() {
        // when / then
        fixture.given(started(), mediumRaised(), new AlarmClearedEvent(MEDIUM_ALARM, SESSION, CHAIR, RECOVERED))
                .when(raise(new AlarmId("again"), "relative-surge", AlarmPriority.MEDIUM, AlarmKind.PHYSIOLOGICAL))
                .expectEvents(raised(new AlarmId("again"), "relative-surge", AlarmPriority.MEDIUM,
                        AlarmKind.PHYSIOLOGICAL));
    }

    @Test
    void highPhysiologicalAlarmLatchesWhenItsConditionEndsUnacknowledged() {
        // when / then
        fixture.given(started(), highRaised())
                .when(new EndAlarmConditionCommand(SESSION, HIGH_ALARM, RECOVERED))
                .expectEvents(new AlarmConditionEndedEvent(HIGH_ALARM, SESSION, CHAIR, RECOVERED));
    }

    @Test
    void mediumAlarmClearsItselfWhenItsConditionEnds() {
        // when / then
        fixture.given(started(), mediumRaised())
                .when(new EndAlarmConditionCommand(SESSION, MEDIUM_ALARM, RECOVERED))
                .expectEvents(new AlarmClearedEvent(MEDIUM_ALARM, SESSION, CHAIR, RECOVERED));
    }

    @Test
    void lowAlarmClearsItselfWhenItsConditionEnds() {
        // given
        AlarmId low = new AlarmId("alarm-low");

        // when / then
        fixture.given(started(), raised(low, "bradypnea", AlarmPriority.LOW, AlarmKind.PHYSIOLOGICAL))
                .when(new EndAlarmConditionCommand(SESSION, low, RECOVERED))
                .expectEvents(new AlarmClearedEvent(low, SESSION, CHAIR, RECOVERED));
    }

    @Test
    void highTechnicalAlarmNeverLatches() {
        // when / then
        fixture.given(started(), technicalHighRaised())
                .when(new EndAlarmConditionCommand(SESSION, TECHNICAL_HIGH_ALARM, RECOVERED))
                .expectEvents(new AlarmClearedEvent(TECHNICAL_HIGH_ALARM, SESSION, CHAIR, RECOVERED));
    }

    @Test
    void endingTheConditionOfALatchedAlarmAgainRecordsNothing() {
        // when / then
        fixture.given(started(), highRaised(), new AlarmConditionEndedEvent(HIGH_ALARM, SESSION, CHAIR, RECOVERED))
                .when(new EndAlarmConditionCommand(SESSION, HIGH_ALARM, RECOVERED.plusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    void endingTheConditionOfAnUnknownAlarmRecordsNothing() {
        // when / then
        fixture.given(started())
                .when(new EndAlarmConditionCommand(SESSION, new AlarmId("unknown"), RECOVERED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acknowledgingWhileTheConditionHoldsOnlySilencesIt() {
        // when / then
        fixture.given(started(), highRaised())
                .when(new AcknowledgeAlarmCommand(SESSION, HIGH_ALARM, "nurse", ACKNOWLEDGED))
                .expectEvents(new AlarmAcknowledgedEvent(HIGH_ALARM, SESSION, CHAIR, "nurse", ACKNOWLEDGED));
    }

    @Test
    void anAcknowledgedHighAlarmClearsWhenItsConditionEnds() {
        // given
        var acknowledged = new AlarmAcknowledgedEvent(HIGH_ALARM, SESSION, CHAIR, "nurse", ACKNOWLEDGED);

        // when / then
        fixture.given(started(), highRaised(), acknowledged)
                .when(new EndAlarmConditionCommand(SESSION, HIGH_ALARM, RECOVERED))
                .expectEvents(new AlarmClearedEvent(HIGH_ALARM, SESSION, CHAIR, RECOVERED));
    }

    @Test
    void acknowledgingALatchedAlarmClearsIt() {
        // given
        var latched = new AlarmConditionEndedEvent(HIGH_ALARM, SESSION, CHAIR, RECOVERED);

        // when / then
        fixture.given(started(), highRaised(), latched)
                .when(new AcknowledgeAlarmCommand(SESSION, HIGH_ALARM, "nurse", ACKNOWLEDGED))
                .expectEvents(new AlarmAcknowledgedEvent(HIGH_ALARM, SESSION, CHAIR, "nurse", ACKNOWLEDGED),
                        new AlarmClearedEvent(HIGH_ALARM, SESSION, CHAIR, ACKNOWLEDGED));
    }

    @Test
    void aSecondAcknowledgementRecordsNothing() {
        // given
        var acknowledged = new AlarmAcknowledgedEvent(HIGH_ALARM, SESSION, CHAIR, "nurse", ACKNOWLEDGED);

        // when / then
        fixture.given(started(), highRaised(), acknowledged)
                .when(new AcknowledgeAlarmCommand(SESSION, HIGH_ALARM, "director", ACKNOWLEDGED.plusSeconds(5)))
                .expectNoEvents();
    }

    @Test
    void rejectsAcknowledgingAnUnknownAlarm() {
        // when / then
        fixture.given(started())
                .when(new AcknowledgeAlarmCommand(SESSION, new AlarmId("unknown"), "nurse", ACKNOWLEDGED))
                .expectException(AlarmNotActiveException.class)
                .expectExceptionMessage("session session-1 has no alarm unknown")
                .expectNoEvents();
    }

    @Test
    void rejectsAcknowledgingAClearedAlarm() {
        // when / then
        fixture.given(started(), mediumRaised(), new AlarmClearedEvent(MEDIUM_ALARM, SESSION, CHAIR, RECOVERED))
                .when(new AcknowledgeAlarmCommand(SESSION, MEDIUM_ALARM, "nurse", ACKNOWLEDGED))
                .expectException(AlarmNotActiveException.class)
                .expectExceptionMessage("alarm alarm-medium of session session-1 is already cleared")
                .expectNoEvents();
    }

    @Test
    void rejectsAnAcknowledgementWithoutAUser() {
        // when / then
        fixture.given(started(), highRaised())
                .when(new AcknowledgeAlarmCommand(SESSION, HIGH_ALARM, "", ACKNOWLEDGED))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void endingTheSessionClearsItsActiveAlarms() {
        // given
        Instant end = T0.plusSeconds(7200);

        // when / then
        fixture.given(started(), highRaised(), mediumRaised())
                .when(new EndSessionCommand(SESSION, "discharged", end))
                .expectEvents(new AlarmClearedEvent(HIGH_ALARM, SESSION, CHAIR, end),
                        new AlarmClearedEvent(MEDIUM_ALARM, SESSION, CHAIR, end),
                        new SessionEndedEvent(SESSION, CHAIR, "discharged", end));
    }

    @Test
    void rejectsRaisingAnAlarmAfterTheSessionEnded() {
        // when / then
        fixture.given(started(), new SessionEndedEvent(SESSION, CHAIR, "discharged", T0.plusSeconds(7200)))
                .when(raise(HIGH_ALARM, "severe-hypertension", AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL))
                .expectException(SessionEndedException.class)
                .expectNoEvents();
    }
}
