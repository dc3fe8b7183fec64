package org.vigil.query.partition;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionScheduledEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.session.ChairOccupancy;
import org.vigil.query.settings.DeviceBindings;
import org.vigil.query.settings.NodePartition;

/**
 * Which partition serves which chair, in the {@code chair_partition} table every node shares. A node of a partition
 * registers its configured chairs when it starts, before anything else (the standby too), and gives up the chairs
 * its configuration no longer lists; a chair another partition registered stops the start, naming it, because two
 * partitions watching one chair would both decide its alarms. A chair moves from one partition to another by taking
 * it out of the first's configuration and restarting its nodes, then adding it to the second's.
 */
@Component
public class ChairPartitions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChairPartitions.class);

    private final NodePartition partition;
    private final DeviceBindings bindings;
    private final ChairOccupancy occupancy;
    private final EventStore eventStore;
    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile boolean running;

    ChairPartitions(NodePartition partition, DeviceBindings bindings, ChairOccupancy occupancy, EventStore eventStore,
                    EntityManager entityManager, PlatformTransactionManager transactionManager, Clock clock) {
        this.partition = partition;
        this.bindings = bindings;
        this.occupancy = occupancy;
        this.eventStore = eventStore;
        this.entityManager = entityManager;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** @throws ChairOfAnotherPartitionException when another partition serves {@code chair} */
    public void requireOwn(ChairId chair) {
        Optional<String> own = partition.name();
        if (own.isEmpty() || partition.owns(chair)) {
            return;
        }
        ChairPartitionRow row = entityManager.find(ChairPartitionRow.class, chair.value());
        if (row != null && !row.partition().equals(own.get())) {
            throw new ChairOfAnotherPartitionException(chair, row.partition(), own.get());
        }
    }

    /**
     * @throws ChairOfAnotherPartitionException when {@code session} was booked at a chair another partition serves;
     *                                          a session this node does not know is left to the API to refuse
     */
    public void requireOwnSession(SessionId session) {
        if (partition.name().isEmpty() || occupancy.running().containsValue(session)) {
            return;
        }
        chairOf(session).ifPresent(this::requireOwn);
    }

    /**
     * @throws ChairOfAnotherPartitionException when the alarm, as the shared alarm records know it, is of a session
     *                                          at a chair another partition serves
     */
    public void requireOwnAlarm(String alarmId) {
        if (partition.name().isEmpty()) {
            return;
        }
        List<?> sessions = entityManager.createNativeQuery("select session_id from alarm_record where alarm_id = ?1")
                .setParameter(1, alarmId).getResultList();
        if (!sessions.isEmpty()) {
            requireOwnSession(new SessionId(sessions.get(0).toString()));
        }
    }

    /** The chair of the session's first event: it is booked or started at a chair, and stays there. */
    private Optional<ChairId> chairOf(SessionId session) {
        DomainEventStream stream = eventStore.readEvents(session.value());
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        if (first.getPayload() instanceof SessionScheduledEvent scheduled) {
            return Optional.of(scheduled.chairId());
        }
        if (first.getPayload() instanceof SessionStartedEvent started) {
            return Optional.of(started.chairId());
        }
        return Optional.empty();
    }

    @Override
    public void start() {
        partition.name().ifPresent(this::register);
        running = true;
    }

    private void register(String own) {
        List<String> conflicts = transactions.execute(status -> {
            for (ChairId chair : bindings.chairs()) {
                entityManager.createNativeQuery("insert into chair_partition (chair_id, partition_name, "
                                + "registered_at) values (?1, ?2, ?3) on conflict (chair_id) do nothing")
                        .setParameter(1, chair.value()).setParameter(2, own).setParameter(3, clock.instant())
                        .executeUpdate();
            }
            Map<String, ChairPartitionRow> rows = entityManager
                    .createQuery("select r from ChairPartitionRow r", ChairPartitionRow.class).getResultStream()
                    .collect(Collectors.toMap(ChairPartitionRow::chairId, Function.identity()));
            rows.values().stream().filter(row -> row.partition().equals(own))
                    .filter(row -> !bindings.chairs().contains(new ChairId(row.chairId())))
                    .forEach(entityManager::remove);
            return bindings.chairs().stream().map(chair -> rows.get(chair.value()))
                    .filter(row -> !row.partition().equals(own))
                    .map(row -> row.chairId() + " (partition " + row.partition() + ")").toList();
        });
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException("vigil.node.partition " + own + " configures chairs another partition "
                    + "serves: " + String.join(", ", conflicts) + "; a chair belongs to one partition (take it out of "
                    + "the other partition's configuration and restart its nodes first)");
        }
        log.info("Partition {}: chairs {} registered", own, bindings.chairs().stream().map(ChairId::value).toList());
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the chair occupancy loads and before any processor, listener or leadership starts. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 400;
    }
}
