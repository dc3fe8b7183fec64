package org.vigil.core.session;

import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.PUMP;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.T0;
import static org.vigil.core.session.SessionTestData.started;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.ConfirmPumpPauseCommand;
import org.vigil.core.api.FailPumpPauseCommand;
import org.vigil.core.api.PumpPauseConfirmedEvent;
import org.vigil.core.api.PumpPauseFailedEvent;
import org.vigil.core.api.PumpPauseRequestedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.RequestPumpPauseCommand;

/** The interlock's pauses in the session: requested for an alarm, then confirmed or failed, once each. */
class SessionPumpPauseTest {

    private static final AlarmId ALARM = new AlarmId("5b1d0f3e-8a9c-4e21-b7d2-0c6e9a4f1d83");
    private static final Instant ASKED = T0.plusSeconds(600);
    private static final Instant SEEN = ASKED.plusSeconds(2);

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    @Test
    void recordsTheRequestWithTheAlarmThatCausedIt() {
        fixture.given(started())
                .when(new RequestPumpPauseCommand(SESSION, PUMP, ALARM, "severe-hypertension", ASKED))
                .expectEvents(requested());
    }

    @Test
    void aSecondRequestWhileOneIsOutstandingRecordsNothing() {
        fixture.given(started(), requested())
                .when(new RequestPumpPauseCommand(SESSION, PUMP, AlarmId.random(), "bradypnea", SEEN))
                .expectNoEvents();
    }

    @Test
    void confirmsTheOutstandingPauseWithTheAlarm() {
        fixture.given(started(), requested())
                .when(new ConfirmPumpPauseCommand(SESSION, PUMP, PumpStatus.STOPPED, null, SEEN))
                .expectEvents(new PumpPauseConfirmedEvent(SESSION, CHAIR, PUMP, ALARM, PumpStatus.STOPPED, null,
                        SEEN));
    }

    @Test
    void aTimeoutAfterTheConfirmationRecordsNothing() {
        fixture.given(started(), requested(),
                        new PumpPauseConfirmedEvent(SESSION, CHAIR, PUMP, ALARM, PumpStatus.PAUSED, null, SEEN))
                .when(new FailPumpPauseCommand(SESSION, PUMP, "no pause within 10 s", SEEN.plusSeconds(8)))
                .expectNoEvents();
    }

    @Test
    void failsTheOutstandingPause() {
        fixture.given(started(), requested())
                .when(new FailPumpPauseCommand(SESSION, PUMP, "no pause within 10 s", ASKED.plusSeconds(10)))
                .expectEvents(new PumpPauseFailedEvent(SESSION, CHAIR, PUMP, ALARM, "no pause within 10 s",
                        ASKED.plusSeconds(10)));
    }

    @Test
    void anInfusingStatusConfirmsNothing() {
        fixture.given(started(), requested())
                .when(new ConfirmPumpPauseCommand(SESSION, PUMP, PumpStatus.INFUSING, null, SEEN))
                .expectException(IllegalArgumentException.class);
    }

    private static PumpPauseRequestedEvent requested() {
        return new PumpPauseRequestedEvent(SESSION, CHAIR, PUMP, ALARM, "severe-hypertension", ASKED);
    }
}
