package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.RecordDeviceDisconnectedCommand;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.Vital;
import org.vigil.core.protocol.ClinicProtocol;

/**
 * Nothing swallowed (docs/DESIGN.md, "Errors are never swallowed"), with the core wired as the application wires it: a
 * rule that throws fails the observation's unit of work — nothing is stored, the sender sees the failure — and a
 * technical alarm tells the nurse without running the rule again; the decision handlers' folded state is dropped
 * with a unit of work that rolls back, so an alarm decided in it is decided again when the message is resent.
 */
class AlarmDecisionFailureEndToEndTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:01:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ClinicProtocol PROTOCOL = ClinicProtocol.loadDefault();
    private static final SessionId SESSION = new SessionId("session-failing");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final DeviceId MONITOR = new DeviceId("monitor-1");

    private final AxonTestClinic clinic = new AxonTestClinic(SESSION);
    private final AtomicInteger evaluations = new AtomicInteger();

    @AfterEach
    void shutDown() {
        clinic.shutDown();
    }

    @Test
    void aRuleThatThrowsFailsTheObservationStoresNothingAndATechnicalAlarmTellsTheNurse() {
        // given a rule that throws on every message
        AlarmRule broken = new AlarmRule("broken", (readings, patient, thresholds) -> {
            evaluations.incrementAndGet();
            throw new IllegalStateException("rule broken");
        });
        CommandGateway gateway = clinic.start(false, c -> new VitalSignAlarms(c.commandGateway(), c.eventStore(),
                PROTOCOL, CLOCK, List.of(AlarmRules.SEVERE_HYPERTENSION, broken))).commandGateway();
        gateway.sendAndWait(startSession());

        // when
        AlarmDecisionFailedException failure = catchThrowableOfType(AlarmDecisionFailedException.class,
                () -> gateway.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure("MSG-1", 191))));

        // then nothing of the message is stored, not even the alarm decided before the rule threw
        assertThat(failure).hasRootCauseMessage("rule broken");
        assertThat(failure.session()).contains(SESSION);
        assertThat(clinic.stored()).singleElement().isInstanceOf(SessionStartedEvent.class);

        // when the sender of the message tells the nurse
        new DecisionFailureAlarm(gateway, CLOCK).raise(SESSION, failure);

        // then
        AlarmRaisedEvent alarm = clinic.onlyRaised(DecisionFailureAlarm.RULE);
        assertThat(alarm.kind()).isEqualTo(AlarmKind.TECHNICAL);
        assertThat(alarm.priority()).isEqualTo(AlarmPriority.MEDIUM);
        assertThat(alarm.message()).startsWith("Alarm decisions failed").contains("rule broken");
        assertThat(evaluations).as("raising the technical alarm runs no rule").hasValue(1);
        assertThat(clinic.stored(ObservationsRecordedEvent.class)).isEmpty();
    }

    @Test
    void anAlarmDecidedInAUnitOfWorkThatRolledBackIsDecidedAgainWhenTheMessageIsResent() {
        // given a failure after the alarm was decided and folded: the first raise of the session fails
        FailsOnce failing = new FailsOnce();
        CommandGateway gateway = clinic.start(false,
                c -> new VitalSignAlarms(c.commandGateway(), c.eventStore(), PROTOCOL, CLOCK),
                c -> failing).commandGateway();
        gateway.sendAndWait(startSession());
        DeviceObservations message = bloodPressure("MSG-1", 191);
        catchThrowableOfType(AlarmDecisionFailedException.class,
                () -> gateway.sendAndWait(new RecordObservationsCommand(SESSION, message)));
        assertThat(clinic.raised("severe-hypertension")).isEmpty();

        // when the gateway resends the message
        gateway.sendAndWait(new RecordObservationsCommand(SESSION, message));

        // then
        assertThat(clinic.raised("severe-hypertension")).hasSize(1);
        assertThat(clinic.stored(ObservationsRecordedEvent.class)).hasSize(1);
    }

    @Test
    void aDeviceOfflineAlarmDecidedInAUnitOfWorkThatRolledBackIsDecidedAgain() {
        // given
        FailsOnce failing = new FailsOnce();
        CommandGateway gateway = clinic.start(false,
                c -> new DeviceSupervisionAlarms(c.commandGateway(), c.eventStore(), clinic.occupancy(),
                        clinic.outages(), CLOCK),
                c -> failing).commandGateway();
        gateway.sendAndWait(startSession());
        RecordDeviceDisconnectedCommand disconnected = new RecordDeviceDisconnectedCommand(MONITOR, CHAIR,
                "connection reset", NOW);
        catchThrowableOfType(AlarmDecisionFailedException.class, () -> gateway.sendAndWait(disconnected));
        assertThat(clinic.raised("device-offline")).isEmpty();

        // when the transport reports the disconnection again
        gateway.sendAndWait(disconnected);

        // then
        assertThat(clinic.raised("device-offline")).singleElement()
                .satisfies(alarm -> assertThat(alarm.message()).contains("monitor-1", "connection reset"));
    }

    private static StartSessionCommand startSession() {
        return new StartSessionCommand(SESSION, CHAIR, "P-0013", 80.0, 40, Treatment.IV_KETAMINE,
                new BaselineVitals(125, 78, 70, 98), PROTOCOL.ref(), NOW.minus(Duration.ofMinutes(10)));
    }

    private static DeviceObservations bloodPressure(String controlId, double systolic) {
        return new DeviceObservations(MONITOR, new MessageKey("GATEWAY", controlId), NOW, NOW,
                List.of(Observation.of(Vital.NIBP_SYSTOLIC, systolic, NOW),
                        Observation.of(Vital.NIBP_DIASTOLIC, 95, NOW)));
    }

    /**
     * A decision handler that fails on the first alarm raised, after the others folded it: stands for anything that
     * fails the unit of work late, a handler or the store refusing the commit.
     */
    @ProcessingGroup(AlarmDecisions.PROCESSING_GROUP)
    static final class FailsOnce {

        private final AtomicInteger raised = new AtomicInteger();

        @EventHandler
        void on(AlarmRaisedEvent event) {
            if (raised.incrementAndGet() == 1) {
                throw new IllegalStateException("failed after " + event.rule() + " was decided");
            }
        }
    }
}
