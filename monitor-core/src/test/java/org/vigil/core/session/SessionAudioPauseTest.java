package org.vigil.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.HIGH_ALARM;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.T0;
import static org.vigil.core.session.SessionTestData.highRaised;
import static org.vigil.core.session.SessionTestData.mediumRaised;
import static org.vigil.core.session.SessionTestData.started;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.AudioPauseEndedEvent;
import org.vigil.core.api.AudioPausedEvent;
import org.vigil.core.api.PauseAudioCommand;
import org.vigil.core.api.RaiseAlarmCommand;
import org.vigil.core.api.SessionEndedEvent;

/** Audio paused (IEC 60601-1-8; docs/DOMAIN.md, "Alarm behaviour"): 2 min, broken through by a higher priority. */
class SessionAudioPauseTest {

    private static final Instant PAUSED = T0.plusSeconds(100);
    private static final Instant UNTIL = PAUSED.plus(Duration.ofMinutes(2));
    private static final AlarmId NEW_ALARM = new AlarmId("alarm-new");

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    @Test
    void pausesTheChairsSoundsForTwoMinutesInTheNameOfTheUser() {
        // when / then
        fixture.given(started(), mediumRaised())
                .when(new PauseAudioCommand(SESSION, "nurse", PAUSED))
                .expectEvents(new AudioPausedEvent(SESSION, CHAIR, "nurse", PAUSED, UNTIL));
    }

    @Test
    void pausingAgainStartsTheTwoMinutesAgain() {
        // given
        Instant again = PAUSED.plusSeconds(90);

        // when / then
        fixture.given(started(), new AudioPausedEvent(SESSION, CHAIR, "nurse", PAUSED, UNTIL))
                .when(new PauseAudioCommand(SESSION, "director", again))
                .expectEvents(new AudioPausedEvent(SESSION, CHAIR, "director", again, again.plusSeconds(120)));
    }

    @Test
    void rejectsAPauseByNobody() {
        // when / then
        fixture.given(started())
                .when(new PauseAudioCommand(SESSION, " ", PAUSED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("an audio pause needs the name of the user who gave it")
                .expectNoEvents();
    }

    @Test
    void rejectsAPauseWithoutATime() {
        // when / then
        fixture.given(started())
                .when(new PauseAudioCommand(SESSION, "nurse", null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAPauseAfterTheSessionEnded() {
        // when / then
        fixture.given(started(), new SessionEndedEvent(SESSION, CHAIR, "discharged", T0.plusSeconds(7200)))
                .when(new PauseAudioCommand(SESSION, "nurse", T0.plusSeconds(7300)))
                .expectException(SessionEndedException.class)
                .expectNoEvents();
    }

    @Test
    void aHighAlarmBreaksThroughAPauseOverAMediumOne() {
        // given
        RaiseAlarmCommand high = raiseAt(AlarmPriority.HIGH, PAUSED.plusSeconds(30));

        // when / then
        fixture.given(started(), mediumRaised(), new AudioPausedEvent(SESSION, CHAIR, "nurse", PAUSED, UNTIL))
                .when(high)
                .expectEvents(raisedFrom(high), new AudioPauseEndedEvent(SESSION, CHAIR,
                        AudioPauseEndedEvent.BREAK_THROUGH, NEW_ALARM, high.raisedAt()));
    }

    @Test
    void anAlarmOfTheSamePriorityStaysSilentInThePause() {
        // given
        RaiseAlarmCommand medium = new RaiseAlarmCommand(SESSION, NEW_ALARM, "hypotension", AlarmPriority.MEDIUM,
                AlarmKind.PHYSIOLOGICAL, "SBP 85 mmHg < 90", 85.0, PAUSED.plusSeconds(30), PAUSED.plusSeconds(30));

        // when / then
        fixture.given(started(), mediumRaised(), new AudioPausedEvent(SESSION, CHAIR, "nurse", PAUSED, UNTIL))
                .when(medium)
                .expectEvents(raisedFrom(medium));
    }

    @Test
    void aPauseThatWasBrokenThroughIsOverForLaterAlarms() {
        // given
        var brokenThrough = new AudioPauseEndedEvent(SESSION, CHAIR, AudioPauseEndedEvent.BREAK_THROUGH,
                new AlarmId("first-breaker"), PAUSED.plusSeconds(10));
        RaiseAlarmCommand high = raiseAt(AlarmPriority.HIGH, PAUSED.plusSeconds(20));

        // when / then
        fixture.given(started(), mediumRaised(), new AudioPausedEvent(SESSION, CHAIR, "nurse", PAUSED, UNTIL),
                        brokenThrough)
                .when(high)
                .expectEvents(raisedFrom(high));
    }

    /**
     * The alarms sounding when the new one is raised (active, not acknowledged), the new alarm's priority and when
     * it is raised, in seconds after the pause: does it break through?
     */
    @ParameterizedTest(name = "sounding [{0}], new {1} at +{2} s -> breaks through: {3}")
    @CsvSource(nullValues = "-", value = {
            "MEDIUM,      HIGH,   30,  true",
            "MEDIUM,      MEDIUM, 30,  false",
            "MEDIUM,      LOW,    30,  false",
            "HIGH,        HIGH,   30,  false",
            "HIGH MEDIUM, HIGH,   30,  false",
            "LOW,         MEDIUM, 30,  true",
            "LOW,         HIGH,   119, true",
            "MEDIUM,      HIGH,   120, false",
            "-,           LOW,    30,  true",
    })
    void breakThroughRules(String sounding, AlarmPriority raised, int secondsAfterPause, boolean breaks) {
        // given
        AudioPause pause = new AudioPause("nurse", UNTIL);
        List<AlarmPriority> priorities = sounding == null ? List.of()
                : Arrays.stream(sounding.split(" ")).map(AlarmPriority::valueOf).toList();

        // when
        boolean brokenThrough = pause.brokenThroughBy(raised, PAUSED.plusSeconds(secondsAfterPause), priorities);

        // then
        assertThat(brokenThrough).isEqualTo(breaks);
    }

    @Test
    void anAcknowledgedAlarmIsNotSoundingSoAMediumOneBreaksThroughAboveIt() {
        // given
        RaiseAlarmCommand medium = raiseAt(AlarmPriority.MEDIUM, PAUSED.plusSeconds(30));

        // when / then
        fixture.given(started(), highRaised(), new AlarmAcknowledgedEvent(HIGH_ALARM, SESSION, CHAIR, "nurse",
                        PAUSED.minusSeconds(5)), new AudioPausedEvent(SESSION, CHAIR, "nurse", PAUSED, UNTIL))
                .when(medium)
                .expectEvents(raisedFrom(medium), new AudioPauseEndedEvent(SESSION, CHAIR,
                        AudioPauseEndedEvent.BREAK_THROUGH, NEW_ALARM, medium.raisedAt()));
    }

    @Test
    void aLapsedPauseEndsWithoutAnEvent() {
        // given
        RaiseAlarmCommand high = raiseAt(AlarmPriority.HIGH, UNTIL.plusSeconds(1));

        // when / then
        fixture.given(started(), mediumRaised(), new AudioPausedEvent(SESSION, CHAIR, "nurse", PAUSED, UNTIL))
                .when(high)
                .expectEvents(raisedFrom(high));
    }

    private static RaiseAlarmCommand raiseAt(AlarmPriority priority, Instant at) {
        return new RaiseAlarmCommand(SESSION, NEW_ALARM, "desaturation", priority, AlarmKind.PHYSIOLOGICAL,
                "SpO2 83 % < 85", 83.0, at, at);
    }

    private static AlarmRaisedEvent raisedFrom(RaiseAlarmCommand command) {
        return new AlarmRaisedEvent(command.alarmId(), SESSION, CHAIR, command.rule(), command.priority(),
                command.kind(), command.message(), command.value(), command.conditionStartedAt(),
                command.raisedAt());
    }
}
