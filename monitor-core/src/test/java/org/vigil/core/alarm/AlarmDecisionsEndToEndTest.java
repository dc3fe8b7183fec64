package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AcknowledgeAlarmCommand;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.RecordDeviceObservationsCommand;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.Vital;
import org.vigil.core.protocol.ClinicProtocol;

/**
 * {@link VitalSignAlarms} wired as the application wires it, without Spring: the aggregates on an event store, the
 * decision handler in a subscribing processor. A "restart" is a fresh configuration on the same storage engine.
 */
class AlarmDecisionsEndToEndTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:01:00Z");
    private static final ClinicProtocol PROTOCOL = ClinicProtocol.loadDefault();
    private static final SessionId SESSION = new SessionId("session-e2e");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final DeviceId MONITOR = new DeviceId("monitor-1");

    private final AxonTestClinic clinic = new AxonTestClinic(SESSION);
    private int messages;

    @AfterEach
    void shutDown() {
        clinic.shutDown();
    }

    @Test
    void raisesAHighSevereHypertensionAlarmWhenSystolicExceeds180() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());

        // when
        gateway.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(186, 95)));

        // then
        AlarmRaisedEvent raised = clinic.onlyRaised("severe-hypertension");
        assertThat(raised.priority()).isEqualTo(AlarmPriority.HIGH);
        assertThat(raised.kind()).isEqualTo(AlarmKind.PHYSIOLOGICAL);
        assertThat(raised.message()).isEqualTo("SBP 186 mmHg > 180");
        assertThat(raised.value()).isEqualTo(186.0);
        assertThat(raised.chairId()).isEqualTo(CHAIR);
        assertThat(raised.raisedAt()).isEqualTo(NOW);
        assertThat(clinic.onlyRaised("relative-surge").priority()).isEqualTo(AlarmPriority.MEDIUM);
    }

    @Test
    void aMessageWithoutBloodPressureLeavesTheBloodPressureAlarmActive() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());
        gateway.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(186, 95)));
        int before = clinic.stored().size();

        // when
        gateway.sendAndWait(new RecordObservationsCommand(SESSION,
                message(Observation.of(Vital.SPO2, 97, NOW), Observation.of(Vital.HEART_RATE, 80, NOW))));

        // then
        assertThat(clinic.stored()).hasSize(before + 1);
        assertThat(clinic.stored(AlarmConditionEndedEvent.class)).isEmpty();
        assertThat(clinic.stored(AlarmClearedEvent.class)).isEmpty();
    }

    @Test
    void raisesTheHigherPriorityAndClearsTheLowerWhenAConditionWorsens() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());
        Instant delayOver = NOW.plus(PROTOCOL.delays().spo2());
        gateway.sendAndWait(new RecordObservationsCommand(SESSION, message(Observation.of(Vital.SPO2, 88, NOW))));
        gateway.sendAndWait(new RecordObservationsCommand(SESSION,
                message(delayOver, Observation.of(Vital.SPO2, 88, delayOver))));
        AlarmRaisedEvent medium = clinic.onlyRaised("desaturation");

        // when
        gateway.sendAndWait(new RecordObservationsCommand(SESSION,
                message(delayOver.plusSeconds(1), Observation.of(Vital.SPO2, 83, delayOver.plusSeconds(1)))));

        // then
        assertThat(clinic.raised("desaturation")).extracting(AlarmRaisedEvent::priority)
                .containsExactly(AlarmPriority.MEDIUM, AlarmPriority.HIGH);
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(medium.alarmId());
    }

    @Test
    void raisesAgainAfterALatchedAlarmWasAcknowledgedAndTheConditionReturns() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());
        gateway.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(186, 95)));
        gateway.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(130, 80)));
        AlarmRaisedEvent first = clinic.onlyRaised("severe-hypertension");
        gateway.sendAndWait(new AcknowledgeAlarmCommand(SESSION, first.alarmId(), "nurse", NOW));

        // when
        gateway.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(192, 95)));

        // then
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .contains(first.alarmId());
        assertThat(clinic.raised("severe-hypertension")).hasSize(2)
                .extracting(AlarmRaisedEvent::message).containsExactly("SBP 186 mmHg > 180", "SBP 192 mmHg > 180");
    }

    @Test
    void decidesNothingForADeviceWithoutASession() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        DeviceObservations message = bloodPressure(220, 130);

        // when
        gateway.sendAndWait(new RecordDeviceObservationsCommand(MONITOR, CHAIR, message));

        // then
        assertThat(clinic.storage().readEvents(MONITOR.value(), 0).asStream().count()).isEqualTo(1);
        assertThat(clinic.stored(AlarmRaisedEvent.class)).isEmpty();
    }

    @Test
    void aRestartReplaysTheStoredDecisionsWithoutDecidingAgain() {
        // given
        CommandGateway before = start(false).commandGateway();
        before.sendAndWait(startSession());
        before.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(186, 95)));
        int storedBeforeRestart = clinic.stored().size();
        clinic.restart();

        // when
        Configuration after = start(true);

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(clinic.replayed().count()).isEqualTo(storedBeforeRestart);
            assertThat(AxonTestClinic.trackingStatus(after)).isNotEmpty().allMatch(EventTrackerStatus::isCaughtUp);
        });
        assertThat(clinic.replayed().alarmsSeen()).isEqualTo(2);
        assertThat(clinic.stored()).hasSize(storedBeforeRestart);
        assertThat(clinic.dispatchedCommands()).hasValue(0);
    }

    @Test
    void afterARestartItRebuildsTheSessionFromItsStreamAndRaisesNoSecondAlarm() {
        // given
        CommandGateway before = start(false).commandGateway();
        before.sendAndWait(startSession());
        before.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(186, 95)));
        AlarmRaisedEvent high = clinic.onlyRaised("severe-hypertension");
        AlarmRaisedEvent surge = clinic.onlyRaised("relative-surge");
        clinic.restart();
        CommandGateway after = start(true).commandGateway();

        // when
        after.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(191, 98)));

        // then
        assertThat(clinic.raised("severe-hypertension")).containsExactly(high);
        assertThat(clinic.raised("relative-surge")).containsExactly(surge);
        assertThat(clinic.dispatchedCommands()).as("only the recording, no alarm command").hasValue(1);

        // when
        after.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(132, 82)));

        // then
        assertThat(clinic.stored(AlarmConditionEndedEvent.class)).extracting(AlarmConditionEndedEvent::alarmId)
                .containsExactly(high.alarmId());
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(surge.alarmId());
    }

    private Configuration start(boolean withReplay) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return clinic.start(withReplay,
                c -> new VitalSignAlarms(c.commandGateway(), c.eventStore(), PROTOCOL, clock));
    }

    private static StartSessionCommand startSession() {
        return new StartSessionCommand(SESSION, CHAIR, "P-0007", 82.5, 51, Treatment.IV_KETAMINE,
                new BaselineVitals(125, 78, 70, 98), PROTOCOL.ref(), NOW.minusSeconds(600));
    }

    private DeviceObservations bloodPressure(double systolic, double diastolic) {
        return message(Observation.of(Vital.NIBP_SYSTOLIC, systolic, NOW),
                Observation.of(Vital.NIBP_DIASTOLIC, diastolic, NOW));
    }

    private DeviceObservations message(Observation... observations) {
        return message(NOW, observations);
    }

    private DeviceObservations message(Instant receivedAt, Observation... observations) {
        messages++;
        return new DeviceObservations(MONITOR, new MessageKey("GATEWAY", "MSG-" + messages), receivedAt, receivedAt,
                List.of(observations));
    }
}
