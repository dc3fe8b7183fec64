package org.vigil.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.PROTOCOL;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.T0;
import static org.vigil.core.session.SessionTestData.bloodPressure;
import static org.vigil.core.session.SessionTestData.recorded;
import static org.vigil.core.session.SessionTestData.start;
import static org.vigil.core.session.SessionTestData.started;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.testing.JacksonTestSerializer;

class SessionTest {

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    @Test
    void startsASessionAtTheChairUnderTheGivenProtocol() {
        // given
        StartSessionCommand command = start();

        // when / then
        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(started())
                .expectResultMessagePayload(SESSION);
    }

    @Test
    void refusesToStartWithoutAPositiveWeight() {
        // given
        StartSessionCommand command = new StartSessionCommand(SESSION, CHAIR, "P-0042", 0.0, 44,
                Treatment.IV_KETAMINE, null, PROTOCOL, T0);

        // when / then
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(InvalidSessionStartException.class)
                .expectExceptionMessage("cannot start session session-1: the weight must be more than 0 kg to "
                        + "compute a dose, got 0.0")
                .expectNoEvents();
    }

    @Test
    void refusesToStartWithANegativeAgeOrABlankPseudonym() {
        // given
        StartSessionCommand command = new StartSessionCommand(SESSION, CHAIR, " ", 70.0, -1,
                Treatment.ESKETAMINE, null, PROTOCOL, T0);

        // when / then
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(InvalidSessionStartException.class)
                .expectExceptionMessage("cannot start session session-1: the patient pseudonym must not be blank; "
                        + "the age must not be negative, got -1")
                .expectNoEvents();
    }

    @Test
    void recordsOneMessageAsOneEventAndReportsItRecorded() {
        // given
        var message = bloodPressure("MSG-1", 132, 84);

        // when / then
        fixture.given(started())
                .when(new RecordObservationsCommand(SESSION, message))
                .expectEvents(recorded(message));
    }

    @Test
    void endsTheSession() {
        // given
        var end = new EndSessionCommand(SESSION, "discharged", T0.plusSeconds(7200));

        // when / then
        fixture.given(started())
                .when(end)
                .expectEvents(new SessionEndedEvent(SESSION, CHAIR, "discharged", T0.plusSeconds(7200)));
    }

    @Test
    void endingAnEndedSessionRecordsNothing() {
        // given
        var ended = new SessionEndedEvent(SESSION, CHAIR, "discharged", T0.plusSeconds(7200));

        // when / then
        fixture.given(started(), ended)
                .when(new EndSessionCommand(SESSION, "again", T0.plusSeconds(7300)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectsObservationsAfterTheSessionEnded() {
        // given
        var ended = new SessionEndedEvent(SESSION, CHAIR, "discharged", T0.plusSeconds(7200));

        // when / then
        fixture.given(started(), ended)
                .when(new RecordObservationsCommand(SESSION, bloodPressure("MSG-9", 120, 80)))
                .expectException(SessionEndedException.class)
                .expectExceptionMessage("session session-1 has ended: cannot record observations")
                .expectNoEvents();
    }

    @Test
    void keepsItsStateThroughAJacksonSnapshot() {
        // given
        var message = bloodPressure("MSG-1", 132, 84);

        // when / then
        fixture.given(started(), recorded(message), SessionTestData.highRaised())
                .when(new RecordObservationsCommand(SESSION, message))
                .expectState(session -> {
                    String json = JacksonTestSerializer.toJson(session);
                    Session restored = JacksonTestSerializer.fromJson(json, Session.class);
                    assertThat(JacksonTestSerializer.toJson(restored)).isEqualTo(json);
                    assertThat(json).contains("\"rule\":\"severe-hypertension\"", "\"chairId\":\"chair-3\"");
                });
    }
}
