package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
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
import org.vigil.core.device.Device;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.session.Session;
import org.vigil.core.testing.JacksonTestSerializer;

/**
 * The alarm projection wired as the application wires it, without Spring: the aggregates on an event store, the
 * projection in a subscribing processor. A "restart" is a fresh configuration on the same storage engine.
 */
class AlarmDecisionsEndToEndTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:01:00Z");
    private static final ClinicProtocol PROTOCOL = ClinicProtocol.loadDefault();
    private static final SessionId SESSION = new SessionId("session-e2e");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final DeviceId MONITOR = new DeviceId("monitor-1");
    private static final String REPLAY_CHECK = "replay-check";

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final AtomicInteger dispatchedCommands = new AtomicInteger();
    private final ReplayCounter replayed = new ReplayCounter();
    private final List<Configuration> running = new ArrayList<>();
    private int messages;

    @AfterEach
    void shutDown() {
        running.forEach(Configuration::shutdown);
    }

    @Test
    void raisesAHighSevereHypertensionAlarmWhenSystolicExceeds180() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());

        // when
        boolean recorded = gateway.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(186, 95)));

        // then
        assertThat(recorded).isTrue();
        AlarmRaisedEvent raised = onlyRaised("severe-hypertension");
        assertThat(raised.priority()).isEqualTo(AlarmPriority.HIGH);
        assertThat(raised.kind()).isEqualTo(AlarmKind.PHYSIOLOGICAL);
        assertThat(raised.message()).isEqualTo("SBP 186 mmHg > 180");
        assertThat(raised.value()).isEqualTo(186.0);
        assertThat(raised.chairId()).isEqualTo(CHAIR);
        assertThat(raised.raisedAt()).isEqualTo(NOW);
        assertThat(onlyRaised("relative-surge").priority()).isEqualTo(AlarmPriority.MEDIUM);
    }

    @Test
    void aMessageWithoutBloodPressureLeavesTheBloodPressureAlarmActive() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());
        gateway.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(186, 95)));
        int before = stored().size();

        // when
        gateway.sendAndWait(new RecordObservationsCommand(SESSION,
                message(Observation.of(Vital.SPO2, 97, NOW), Observation.of(Vital.HEART_RATE, 80, NOW))));

        // then
        assertThat(stored()).hasSize(before + 1);
        assertThat(stored(AlarmConditionEndedEvent.class)).isEmpty();
        assertThat(stored(AlarmClearedEvent.class)).isEmpty();
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
        AlarmRaisedEvent medium = onlyRaised("desaturation");

        // when
        gateway.sendAndWait(new RecordObservationsCommand(SESSION,
                message(delayOver.plusSeconds(1), Observation.of(Vital.SPO2, 83, delayOver.plusSeconds(1)))));

        // then
        assertThat(raised("desaturation")).extracting(AlarmRaisedEvent::priority)
                .containsExactly(AlarmPriority.MEDIUM, AlarmPriority.HIGH);
        assertThat(stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(medium.alarmId());
    }

    @Test
    void raisesAgainAfterALatchedAlarmWasAcknowledgedAndTheConditionReturns() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());
        gateway.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(186, 95)));
        gateway.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(130, 80)));
        AlarmRaisedEvent first = onlyRaised("severe-hypertension");
        gateway.sendAndWait(new AcknowledgeAlarmCommand(SESSION, first.alarmId(), "nurse", NOW));

        // when
        gateway.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(192, 95)));

        // then
        assertThat(stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId).contains(first.alarmId());
        assertThat(raised("severe-hypertension")).hasSize(2)
                .extracting(AlarmRaisedEvent::message).containsExactly("SBP 186 mmHg > 180", "SBP 192 mmHg > 180");
    }

    @Test
    void decidesNothingForADeviceWithoutASession() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        DeviceObservations message = bloodPressure(220, 130);

        // when
        boolean recorded = gateway.sendAndWait(new RecordDeviceObservationsCommand(MONITOR, CHAIR, message));

        // then
        assertThat(recorded).isTrue();
        assertThat(storage.readEvents(MONITOR.value(), 0).asStream().count()).isEqualTo(1);
        assertThat(stored(AlarmRaisedEvent.class)).isEmpty();
    }

    @Test
    void aRestartReplaysTheStoredDecisionsWithoutDecidingAgain() {
        // given
        CommandGateway before = start(false).commandGateway();
        before.sendAndWait(startSession());
        before.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(186, 95)));
        int storedBeforeRestart = stored().size();
        restart();

        // when
        Configuration after = start(true);

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(replayed.count()).isEqualTo(storedBeforeRestart);
            assertThat(trackingStatus(after)).isNotEmpty().allMatch(EventTrackerStatus::isCaughtUp);
        });
        assertThat(replayed.alarmsSeen()).isEqualTo(2);
        assertThat(stored()).hasSize(storedBeforeRestart);
        assertThat(dispatchedCommands).hasValue(0);
    }

    @Test
    void afterARestartItRebuildsTheSessionFromItsStreamAndRaisesNoSecondAlarm() {
        // given
        CommandGateway before = start(false).commandGateway();
        before.sendAndWait(startSession());
        before.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(186, 95)));
        AlarmRaisedEvent high = onlyRaised("severe-hypertension");
        AlarmRaisedEvent surge = onlyRaised("relative-surge");
        restart();
        CommandGateway after = start(true).commandGateway();

        // when
        after.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(191, 98)));

        // then
        assertThat(raised("severe-hypertension")).containsExactly(high);
        assertThat(raised("relative-surge")).containsExactly(surge);
        assertThat(dispatchedCommands).as("only the recording, no alarm command").hasValue(1);

        // when
        after.sendAndWait(new RecordObservationsCommand(SESSION, bloodPressure(132, 82)));

        // then
        assertThat(stored(AlarmConditionEndedEvent.class)).extracting(AlarmConditionEndedEvent::alarmId)
                .containsExactly(high.alarmId());
        assertThat(stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(surge.alarmId());
    }

    private Configuration start(boolean withReplay) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonTestSerializer.serializer())
                .configureMessageSerializer(c -> JacksonTestSerializer.serializer())
                .configureEventSerializer(c -> JacksonTestSerializer.serializer())
                .configureEmbeddedEventStore(c -> storage)
                .configureCommandBus(c -> countingCommandBus())
                .configureAggregate(Session.class)
                .configureAggregate(Device.class);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        configurer.eventProcessing()
                .registerSubscribingEventProcessor(AlarmProjection.PROCESSING_GROUP)
                .registerEventHandler(c -> new AlarmProjection(c.commandGateway(), c.eventStore(), PROTOCOL, clock));
        if (withReplay) {
            configurer.eventProcessing()
                    .registerTrackingEventProcessor(REPLAY_CHECK)
                    .registerEventHandler(c -> replayed);
        }
        Configuration configuration = configurer.start();
        running.add(configuration);
        return configuration;
    }

    private SimpleCommandBus countingCommandBus() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerDispatchInterceptor(commands -> (index, command) -> {
            dispatchedCommands.incrementAndGet();
            return command;
        });
        return bus;
    }

    private void restart() {
        running.forEach(Configuration::shutdown);
        running.clear();
        dispatchedCommands.set(0);
    }

    private static List<EventTrackerStatus> trackingStatus(Configuration configuration) {
        return configuration.eventProcessingConfiguration()
                .eventProcessor(REPLAY_CHECK, TrackingEventProcessor.class)
                .map(processor -> List.copyOf(processor.processingStatus().values()))
                .orElseThrow();
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

    private List<Object> stored() {
        return storage.readEvents(SESSION.value(), 0).asStream().map(Message::getPayload).map(Object.class::cast)
                .toList();
    }

    private <T> List<T> stored(Class<T> type) {
        return stored().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<AlarmRaisedEvent> raised(String rule) {
        return stored(AlarmRaisedEvent.class).stream().filter(event -> event.rule().equals(rule)).toList();
    }

    private AlarmRaisedEvent onlyRaised(String rule) {
        List<AlarmRaisedEvent> raised = raised(rule);
        assertThat(raised).as("alarms raised by " + rule).hasSize(1);
        return raised.get(0);
    }

    /** Stands for any read model behind a tracking processor: it sees the whole history again after a restart. */
    @ProcessingGroup(REPLAY_CHECK)
    static class ReplayCounter {

        private final AtomicInteger events = new AtomicInteger();
        private final AtomicInteger alarms = new AtomicInteger();

        @EventHandler
        void on(EventMessage<?> event) {
            events.incrementAndGet();
            if (event.getPayload() instanceof AlarmRaisedEvent) {
                alarms.incrementAndGet();
            }
        }

        int count() {
            return events.get();
        }

        int alarmsSeen() {
            return alarms.get();
        }
    }
}
