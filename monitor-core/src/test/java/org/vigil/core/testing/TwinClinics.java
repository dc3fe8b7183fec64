package org.vigil.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.vigil.core.device.Device;
import org.vigil.core.session.Session;

/**
 * Two copies of the core that take the same commands. One loads its aggregates from every event; the other stores a
 * snapshot every {@code threshold} events, through the Jackson serializer the application snapshots with, and loads
 * from the latest snapshot and the events after it. Neither keeps aggregates in memory between commands, so every
 * command on the second is decided by an aggregate restored from a snapshot once one exists.
 */
public final class TwinClinics implements AutoCloseable {

    private final InMemoryEventStorageEngine allEvents = new InMemoryEventStorageEngine();
    private final JsonSnapshotStorage withSnapshots = new JsonSnapshotStorage();
    private final Configuration fromEvents;
    private final Configuration fromSnapshots;

    public TwinClinics(int threshold) {
        fromEvents = start(allEvents, 0);
        fromSnapshots = start(withSnapshots, threshold);
    }

    private static Configuration start(InMemoryEventStorageEngine storage, int threshold) {
        return DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonTestSerializer.serializer())
                .configureEventSerializer(c -> JacksonTestSerializer.serializer())
                .configureEmbeddedEventStore(c -> storage)
                .configureAggregate(snapshotted(Session.class, threshold))
                .configureAggregate(snapshotted(Device.class, threshold))
                .start();
    }

    private static <T> AggregateConfigurer<T> snapshotted(Class<T> type, int threshold) {
        AggregateConfigurer<T> aggregate = AggregateConfigurer.defaultConfiguration(type);
        return threshold == 0 ? aggregate : aggregate.configureSnapshotTrigger(
                c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold));
    }

    /**
     * Sends {@code command} to both and checks that they decided alike: the same result, or the same refusal.
     *
     * @return the result
     */
    public Object send(Object command) {
        Outcome fromAllEvents = outcome(fromEvents, command);
        Outcome fromSnapshot = outcome(fromSnapshots, command);
        assertThat(fromSnapshot).as("the outcome of %s", command).isEqualTo(fromAllEvents);
        return fromAllEvents.result();
    }

    /** Checks that both stored the same events for {@code aggregateId}, and returns them. */
    public List<Object> sameEvents(String aggregateId) {
        List<Object> stored = payloads(allEvents, aggregateId);
        assertThat(payloads(withSnapshots, aggregateId)).as("the events of %s", aggregateId).isEqualTo(stored);
        return stored;
    }

    /** The sequence number of the latest snapshot of {@code aggregateId}, if one was stored. */
    public Optional<Long> snapshotAt(String aggregateId) {
        return withSnapshots.sequenceOfSnapshot(aggregateId);
    }

    /** How many times a snapshot was read, to load an aggregate or to take the next snapshot. */
    public int loadsFromSnapshot() {
        return withSnapshots.snapshotsRead.get();
    }

    @Override
    public void close() {
        fromEvents.shutdown();
        fromSnapshots.shutdown();
    }

    private static Outcome outcome(Configuration configuration, Object command) {
        try {
            return new Outcome(configuration.commandGateway().sendAndWait(command), null);
        } catch (CommandExecutionException e) {
            return new Outcome(null, e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private static List<Object> payloads(InMemoryEventStorageEngine storage, String aggregateId) {
        return storage.readEvents(aggregateId, 0).asStream().map(Message::getPayload).map(Object.class::cast)
                .toList();
    }

    private record Outcome(Object result, String refusal) {
    }

    /**
     * Stores each snapshot as the JSON the serializer writes, and reads it back as a new aggregate each time, as a
     * database does: nothing of the aggregate that was snapshotted survives but what Jackson wrote.
     */
    private static final class JsonSnapshotStorage extends InMemoryEventStorageEngine {

        private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
        private final AtomicInteger snapshotsRead = new AtomicInteger();

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            Object aggregate = snapshot.getPayload();
            String json = JacksonTestSerializer.toJson(aggregate);
            assertThat(JacksonTestSerializer.toJson(JacksonTestSerializer.fromJson(json, aggregate.getClass())))
                    .as("the %s snapshot read back and written again", snapshot.getType())
                    .isEqualTo(json);
            snapshots.put(snapshot.getAggregateIdentifier(), new Snapshot(snapshot.getType(),
                    snapshot.getSequenceNumber(), aggregate.getClass(), json));
        }

        Optional<Long> sequenceOfSnapshot(String aggregateIdentifier) {
            return Optional.ofNullable(snapshots.get(aggregateIdentifier)).map(Snapshot::sequence);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return Optional.ofNullable(snapshots.get(aggregateIdentifier)).map(snapshot -> {
                snapshotsRead.incrementAndGet();
                return new GenericDomainEventMessage<>(snapshot.type(), aggregateIdentifier, snapshot.sequence(),
                        JacksonTestSerializer.fromJson(snapshot.json(), snapshot.aggregateType()));
            });
        }

        private record Snapshot(String type, long sequence, Class<?> aggregateType, String json) {
        }
    }
}
