package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.device.Device;
import org.vigil.core.session.ChairOccupancy;
import org.vigil.core.session.Session;
import org.vigil.core.testing.JacksonTestSerializer;

/**
 * The core wired as the application wires it, without Spring: the aggregates on one in-memory storage engine, the
 * decision handlers a test names in the subscribing processor {@value AlarmDecisions#PROCESSING_GROUP} (whose
 * errors fail the unit of work, {@link AlarmDecisionErrors}), and on
 * request a tracking processor that stands for any read model. A "restart" is a fresh configuration on the same
 * storage engine. Every command dispatched is counted, so a test can show that a restart decided nothing again.
 * The command side's {@link ChairOccupancy} and the decisions' {@link DeviceOutages} outlive a restart, as their
 * tables do in the application.
 */
final class AxonTestClinic {

    private static final String REPLAY_CHECK = "replay-check";

    private final SessionId session;
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final AtomicInteger dispatchedCommands = new AtomicInteger();
    private final ReplayCounter replayed = new ReplayCounter();
    private final List<Configuration> running = new ArrayList<>();
    private final DeviceOutages outages = new KeptOutages();

    /** @param session the session whose stream {@link #stored()} and the alarm look-ups read */
    AxonTestClinic(SessionId session) {
        this.session = session;
    }

    /**
     * Starts a configuration on the storage engine.
     *
     * @param withReplay whether the tracking processor that replays the whole history runs too
     * @param deciders   the decision handlers of the subscribing processor, each built from the configuration
     */
    @SafeVarargs
    final Configuration start(boolean withReplay, Function<Configuration, Object>... deciders) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonTestSerializer.serializer())
                .configureMessageSerializer(c -> JacksonTestSerializer.serializer())
                .configureEventSerializer(c -> JacksonTestSerializer.serializer())
                .configureEmbeddedEventStore(c -> storage)
                .configureCommandBus(c -> countingCommandBus())
                .configureAggregate(Session.class)
                .configureAggregate(Device.class);
        EventProcessingConfigurer processing = configurer.eventProcessing()
                .registerSubscribingEventProcessor(AlarmDecisions.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(AlarmDecisions.PROCESSING_GROUP,
                        c -> new AlarmDecisionErrors());
        for (Function<Configuration, Object> decider : deciders) {
            processing.registerEventHandler(decider);
        }
        if (withReplay) {
            configurer.eventProcessing()
                    .registerTrackingEventProcessor(REPLAY_CHECK)
                    .registerEventHandler(c -> replayed);
        }
        Configuration configuration = configurer.start();
        running.add(configuration);
        return configuration;
    }

    /** Stops every running configuration; the next {@link #start} is the application after a restart. */
    void restart() {
        shutDown();
        running.clear();
        dispatchedCommands.set(0);
    }

    void shutDown() {
        running.forEach(Configuration::shutdown);
    }

    /** The commands dispatched since the start or the last restart. */
    AtomicInteger dispatchedCommands() {
        return dispatchedCommands;
    }

    ReplayCounter replayed() {
        return replayed;
    }

    static List<EventTrackerStatus> trackingStatus(Configuration configuration) {
        return configuration.eventProcessingConfiguration()
                .eventProcessor(REPLAY_CHECK, TrackingEventProcessor.class)
                .map(processor -> List.copyOf(processor.processingStatus().values()))
                .orElseThrow();
    }

    /** Which session runs at which chair, as the stored starts and ends tell it. */
    ChairOccupancy occupancy() {
        return new ChairOccupancy() {
            @Override
            public Optional<SessionId> sessionAt(ChairId chair) {
                return Optional.ofNullable(running().get(chair));
            }

            @Override
            public Map<ChairId, SessionId> running() {
                Map<ChairId, SessionId> running = new LinkedHashMap<>();
                storage.readEvents(null, false).map(Message::getPayload).forEach(payload -> {
                    if (payload instanceof SessionStartedEvent started) {
                        running.put(started.chairId(), started.sessionId());
                    } else if (payload instanceof SessionEndedEvent ended) {
                        running.remove(ended.chairId(), ended.sessionId());
                    }
                });
                return running;
            }
        };
    }

    DeviceOutages outages() {
        return outages;
    }

    InMemoryEventStorageEngine storage() {
        return storage;
    }

    List<Object> stored() {
        return stored(session);
    }

    List<Object> stored(SessionId stream) {
        return events(stream.value());
    }

    /** The payloads of one aggregate's stream, a session's or a device's. */
    List<Object> events(String aggregateId) {
        return storage.readEvents(aggregateId, 0).asStream().map(Message::getPayload).map(Object.class::cast)
                .toList();
    }

    <T> List<T> stored(Class<T> type) {
        return stored(session, type);
    }

    <T> List<T> stored(SessionId stream, Class<T> type) {
        return stored(stream).stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<AlarmRaisedEvent> raised(String rule) {
        return stored(AlarmRaisedEvent.class).stream().filter(event -> event.rule().equals(rule)).toList();
    }

    AlarmRaisedEvent onlyRaised(String rule) {
        List<AlarmRaisedEvent> raised = raised(rule);
        assertThat(raised).as("alarms raised by " + rule).hasSize(1);
        return raised.get(0);
    }

    private SimpleCommandBus countingCommandBus() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerDispatchInterceptor(commands -> (index, command) -> {
            dispatchedCommands.incrementAndGet();
            return command;
        });
        return bus;
    }

    private static final class KeptOutages implements DeviceOutages {

        private final Map<DeviceId, Outage> outages = new ConcurrentHashMap<>();

        @Override
        public Collection<Outage> all() {
            return List.copyOf(outages.values());
        }

        @Override
        public void save(Outage outage) {
            outages.put(outage.deviceId(), outage);
        }

        @Override
        public void remove(DeviceId deviceId) {
            outages.remove(deviceId);
        }
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

        long count() {
            return events.get();
        }

        int alarmsSeen() {
            return alarms.get();
        }
    }
}
