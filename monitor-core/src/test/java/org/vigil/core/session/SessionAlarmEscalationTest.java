package org.vigil.core.session;

import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.HIGH_ALARM;
import static org.vigil.core.session.SessionTestData.MEDIUM_ALARM;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.T0;
import static org.vigil.core.session.SessionTestData.highRaised;
import static org.vigil.core.session.SessionTestData.mediumRaised;
import static org.vigil.core.session.SessionTestData.started;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AcknowledgeAlarmCommand;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.EscalateAlarmCommand;

/** Secondary notification of an alarm nobody acknowledged (IHE PCD ACM; docs/DOMAIN.md, "Alarm behaviour"). */
class SessionAlarmEscalationTest {

    private static final String CHARGE_NURSE = "charge nurse / provider";
    private static final Instant DUE = T0.plusSeconds(121);

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    @Test
    void escalatesAnUnacknowledgedHighAlarm() {
        // when / then
        fixture.given(started(), highRaised())
                .when(new EscalateAlarmCommand(SESSION, HIGH_ALARM, CHARGE_NURSE, DUE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(new AlarmEscalatedEvent(HIGH_ALARM, SESSION, CHAIR, AlarmPriority.HIGH, CHARGE_NURSE,
                        DUE));
    }

    @Test
    void escalatesALatchedAlarmWhoseConditionEndedButThatNobodyAcknowledged() {
        // when / then
        fixture.given(started(), highRaised(), new AlarmConditionEndedEvent(HIGH_ALARM, SESSION, CHAIR,
                        T0.plusSeconds(90)))
                .when(new EscalateAlarmCommand(SESSION, HIGH_ALARM, CHARGE_NURSE, DUE))
                .expectEvents(new AlarmEscalatedEvent(HIGH_ALARM, SESSION, CHAIR, AlarmPriority.HIGH, CHARGE_NURSE,
                        DUE));
    }

    @Test
    void anAcknowledgedAlarmIsNotEscalated() {
        // when / then
        fixture.given(started(), highRaised(),
                        new AlarmAcknowledgedEvent(HIGH_ALARM, SESSION, CHAIR, "nurse", T0.plusSeconds(100)))
                .when(new EscalateAlarmCommand(SESSION, HIGH_ALARM, CHARGE_NURSE, DUE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aClearedAlarmIsNotEscalated() {
        // when / then
        fixture.given(started(), mediumRaised(), new AlarmClearedEvent(MEDIUM_ALARM, SESSION, CHAIR,
                        T0.plusSeconds(100)))
                .when(new EscalateAlarmCommand(SESSION, MEDIUM_ALARM, CHARGE_NURSE, T0.plusSeconds(241)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void anAlarmIsEscalatedOnce() {
        // when / then
        fixture.given(started(), highRaised(),
                        new AlarmEscalatedEvent(HIGH_ALARM, SESSION, CHAIR, AlarmPriority.HIGH, CHARGE_NURSE, DUE))
                .when(new EscalateAlarmCommand(SESSION, HIGH_ALARM, CHARGE_NURSE, DUE.plusSeconds(1)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void anEscalatedAlarmCanStillBeAcknowledged() {
        // when / then
        fixture.given(started(), highRaised(),
                        new AlarmEscalatedEvent(HIGH_ALARM, SESSION, CHAIR, AlarmPriority.HIGH, CHARGE_NURSE, DUE))
                .when(new AcknowledgeAlarmCommand(SESSION, HIGH_ALARM, "nurse", DUE.plusSeconds(5)))
                .expectEvents(new AlarmAcknowledgedEvent(HIGH_ALARM, SESSION, CHAIR, "nurse", DUE.plusSeconds(5)));
    }

    @Test
    void rejectsEscalatingAnAlarmTheSessionNeverHad() {
        // when / then
        fixture.given(started())
                .when(new EscalateAlarmCommand(SESSION, new AlarmId("unknown"), CHARGE_NURSE, DUE))
                .expectException(AlarmNotActiveException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAnEscalationToNobody() {
        // when / then
        fixture.given(started(), highRaised())
                .when(new EscalateAlarmCommand(SESSION, HIGH_ALARM, "", DUE))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("an escalation needs the name of whom it goes to")
                .expectNoEvents();
    }
}
