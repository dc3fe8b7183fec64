package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AcknowledgeAlarmCommand;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.Vital;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.testing.MutableClock;

/**
 * Condition delays, escalation, a stale blood pressure and sensor-off wired as the application wires them, without
 * Spring: the aggregates on an event store, the decisions in the subscribing processor, a clock the test moves and
 * ticks as the application does every second. A "restart" is a fresh configuration on the same storage engine.
 */
class AlarmResponsesEndToEndTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final ClinicProtocol PROTOCOL = ClinicProtocol.loadDefault();
    private static final SessionId SESSION = new SessionId("session-responses");
    private static final ChairId CHAIR = new ChairId("chair-2");
    private static final DeviceId MONITOR = new DeviceId("monitor-2");

    private final AxonTestClinic clinic = new AxonTestClinic(SESSION);
    private final MutableClock clock = new MutableClock(T0);
    private CommandGateway gateway;
    private AlarmEscalations escalations;
    private NibpStaleAlarms nibpStale;
    private int messages;

    @AfterEach
    void shutDown() {
        clinic.shutDown();
    }

    @Test
    void aHeartRateAboveTheLimitForFiveSecondsRaisesNothing() {
        // given
        start();
        gateway.sendAndWait(startSession());

        // when
        for (int second = 0; second < 5; second++) {
            record(Observation.of(Vital.HEART_RATE, 130, clock.instant()));
            clock.advance(Duration.ofSeconds(1));
        }
        record(Observation.of(Vital.HEART_RATE, 80, clock.instant()));

        // then
        assertThat(clinic.stored(AlarmRaisedEvent.class)).isEmpty();
    }

    @Test
    void aHeartRateAboveTheLimitForTenSecondsRaisesTheAlarmWithTheStartOfTheCondition() {
        // given
        start();
        gateway.sendAndWait(startSession());

        // when
        for (int second = 0; second <= 10; second++) {
            record(Observation.of(Vital.HEART_RATE, 130, clock.instant()));
            clock.advance(Duration.ofSeconds(1));
        }

        // then
        AlarmRaisedEvent raised = only(AlarmRaisedEvent.class);
        assertThat(raised.rule()).isEqualTo("tachycardia");
        assertThat(raised.conditionStartedAt()).isEqualTo(T0);
        assertThat(raised.raisedAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void anUnacknowledgedHighAlarmEscalatesSixtySecondsAfterItsRaise() {
        // given
        start();
        gateway.sendAndWait(startSession());
        record(Observation.of(Vital.NIBP_SYSTOLIC, 186, T0));
        AlarmRaisedEvent high = clinic.onlyRaised("severe-hypertension");

        // when
        clock.advance(Duration.ofSeconds(59));
        int before = escalations.escalateDue();
        clock.advance(Duration.ofSeconds(1));
        int atDeadline = escalations.escalateDue();
        clock.advance(Duration.ofSeconds(1));
        int after = escalations.escalateDue();

        // then
        assertThat(List.of(before, atDeadline, after)).containsExactly(0, 1, 0);
        AlarmEscalatedEvent escalated = only(AlarmEscalatedEvent.class);
        assertThat(escalated.alarmId()).isEqualTo(high.alarmId());
        assertThat(escalated.to()).isEqualTo("charge nurse / provider");
        assertThat(Duration.between(high.raisedAt(), escalated.at())).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theEscalationDeadlineSurvivesARestart() {
        // given
        start();
        gateway.sendAndWait(startSession());
        record(Observation.of(Vital.NIBP_SYSTOLIC, 186, T0));
        AlarmRaisedEvent high = clinic.onlyRaised("severe-hypertension");
        clock.advance(Duration.ofSeconds(30));
        restart();

        // when
        clock.advance(Duration.ofSeconds(29));
        int before = escalations.escalateDue();
        clock.advance(Duration.ofSeconds(1));
        int atDeadline = escalations.escalateDue();

        // then
        assertThat(List.of(before, atDeadline)).containsExactly(0, 1);
        assertThat(only(AlarmEscalatedEvent.class).at()).isEqualTo(high.raisedAt().plusSeconds(60));
    }

    @Test
    void anAcknowledgedAlarmIsNotEscalated() {
        // given
        start();
        gateway.sendAndWait(startSession());
        record(Observation.of(Vital.NIBP_SYSTOLIC, 186, T0));
        AlarmRaisedEvent high = clinic.onlyRaised("severe-hypertension");
        clock.advance(Duration.ofSeconds(20));
        gateway.sendAndWait(new AcknowledgeAlarmCommand(SESSION, high.alarmId(), "nurse", clock.instant()));

        // when
        clock.advance(Duration.ofSeconds(300));
        escalations.escalateDue();

        // then
        assertThat(clinic.stored(AlarmEscalatedEvent.class)).isEmpty();
    }

    @Test
    void aMediumAlarmEscalatesAfterThreeMinutes() {
        // given
        start();
        gateway.sendAndWait(startSession());
        record(Observation.of(Vital.RESPIRATORY_RATE, 6, T0));
        AlarmRaisedEvent medium = clinic.onlyRaised("bradypnea");

        // when
        clock.advance(Duration.ofSeconds(179));
        escalations.escalateDue();
        int before = clinic.stored(AlarmEscalatedEvent.class).size();
        clock.advance(Duration.ofSeconds(1));
        escalations.escalateDue();

        // then
        assertThat(before).isZero();
        assertThat(only(AlarmEscalatedEvent.class).alarmId()).isEqualTo(medium.alarmId());
    }

    @Test
    void aBloodPressureOlderThanItsCadencePlusHalfRaisesNibpStaleUntilTheNextReading() {
        // given
        start();
        gateway.sendAndWait(startSession());
        record(Observation.of(Vital.NIBP_SYSTOLIC, 120, T0), Observation.of(Vital.NIBP_DIASTOLIC, 80, T0));

        // when
        clock.advance(Duration.ofSeconds(450));
        nibpStale.decide();
        List<AlarmRaisedEvent> atTheLimit = clinic.stored(AlarmRaisedEvent.class);
        clock.advance(Duration.ofSeconds(1));
        nibpStale.decide();

        // then
        assertThat(atTheLimit).isEmpty();
        AlarmRaisedEvent stale = clinic.onlyRaised("nibp-stale");
        assertThat(stale.priority()).isEqualTo(AlarmPriority.LOW);
        assertThat(stale.kind()).isEqualTo(AlarmKind.TECHNICAL);
        assertThat(stale.conditionStartedAt()).isEqualTo(T0.plusSeconds(450));

        // when
        clock.advance(Duration.ofSeconds(30));
        record(Observation.of(Vital.NIBP_SYSTOLIC, 124, clock.instant()));

        // then
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(stale.alarmId());
    }

    @Test
    void afterARestartTheStaleBloodPressureIsFoundFromTheStore() {
        // given
        start();
        gateway.sendAndWait(startSession());
        record(Observation.of(Vital.NIBP_SYSTOLIC, 120, T0));
        restart();

        // when
        clock.advance(Duration.ofMinutes(8));
        nibpStale.decide();
        nibpStale.decide();

        // then
        assertThat(clinic.onlyRaised("nibp-stale").message())
                .isEqualTo("last blood pressure 8 min ago, due every 5 min");
    }

    @Test
    void aSpo2NotAvailableRaisesSensorOffUntilAValueReturns() {
        // given
        start();
        gateway.sendAndWait(startSession());

        // when
        record(Observation.notAvailable(Vital.SPO2, T0), Observation.of(Vital.HEART_RATE, 80, T0));

        // then
        AlarmRaisedEvent sensorOff = clinic.onlyRaised("sensor-off-spo2");
        assertThat(sensorOff.kind()).isEqualTo(AlarmKind.TECHNICAL);
        assertThat(sensorOff.message()).isEqualTo("SpO2 not available: sensor off or no signal");

        // when
        clock.advance(Duration.ofSeconds(1));
        record(Observation.of(Vital.SPO2, 97, clock.instant()), Observation.of(Vital.HEART_RATE, 80, T0));

        // then
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(sensorOff.alarmId());
    }

    private void start() {
        List<AlarmEscalations> escalationHandler = new ArrayList<>();
        List<NibpStaleAlarms> staleHandler = new ArrayList<>();
        Configuration configuration = clinic.start(false,
                c -> new VitalSignAlarms(c.commandGateway(), c.eventStore(), PROTOCOL, clock),
                c -> remember(escalationHandler,
                        new AlarmEscalations(c.commandGateway(), c.eventStore(), clinic.occupancy(), PROTOCOL,
                                clock)),
                c -> remember(staleHandler,
                        new NibpStaleAlarms(c.commandGateway(), c.eventStore(), clinic.occupancy(), PROTOCOL,
                                clock)));
        gateway = configuration.commandGateway();
        escalations = escalationHandler.get(0);
        nibpStale = staleHandler.get(0);
    }

    private static <T> T remember(List<T> into, T handler) {
        into.add(handler);
        return handler;
    }

    private void restart() {
        clinic.restart();
        start();
    }

    private static StartSessionCommand startSession() {
        return new StartSessionCommand(SESSION, CHAIR, "P-0021", 70, 44, Treatment.IV_KETAMINE,
                new BaselineVitals(150, 90, 72, 97), PROTOCOL.ref(), T0);
    }

    private void record(Observation... observations) {
        messages++;
        Instant now = clock.instant();
        gateway.sendAndWait(new RecordObservationsCommand(SESSION, new DeviceObservations(MONITOR,
                new MessageKey("GATEWAY", "MSG-" + messages), now, now, List.of(observations))));
    }

    private <T> T only(Class<T> type) {
        List<T> events = clinic.stored(type);
        assertThat(events).as(type.getSimpleName()).hasSize(1);
        return events.get(0);
    }
}
