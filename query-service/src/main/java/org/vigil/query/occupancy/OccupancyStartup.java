package org.vigil.query.occupancy;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.query.leadership.LeaderDuty;
import org.vigil.query.settings.DeviceBindings;
import org.vigil.query.settings.NodePartition;

/**
 * Loads the chair occupancy table into memory before any command is handled. A table that was never filled — a
 * database created before the table existed — is filled once from the stored session starts and ends, in one scan
 * of the store; every configured chair gets its row then, so the table is never empty again and the scan never
 * repeats. It loads again when this node takes the lease ({@link LeaderDuty}): the sessions started and ended
 * through the node that was active meanwhile are in the table, not in this node's copy. A node of a partition
 * ({@link NodePartition}) loads only its own chairs ({@link StoredChairOccupancy#recorded()}): the other
 * partitions' sessions are decided by their nodes.
 */
@Component
class OccupancyStartup implements LeaderDuty {

    private static final Logger log = LoggerFactory.getLogger(OccupancyStartup.class);

    private final StoredChairOccupancy occupancy;
    private final EntityManager entityManager;
    private final EventStorageEngine storage;
    private final DeviceBindings bindings;
    private final TransactionTemplate transactions;
    private volatile boolean running;

    OccupancyStartup(StoredChairOccupancy occupancy, EntityManager entityManager, EventStorageEngine storage,
                     DeviceBindings bindings, PlatformTransactionManager transactionManager) {
        this.occupancy = occupancy;
        this.entityManager = entityManager;
        this.storage = storage;
        this.bindings = bindings;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void start() {
        Map<ChairId, SessionId> stored = transactions.execute(status -> {
            if (rows() == 0) {
                fill();
            }
            return occupancy.recorded();
        });
        occupancy.load(stored);
        log.info("Chair occupancy loaded: {} sessions running", stored.size());
        running = true;
    }

    private long rows() {
        return entityManager.createQuery("select count(e) from ChairOccupancyEntry e", Long.class).getSingleResult();
    }

    private void fill() {
        Map<ChairId, Optional<SessionStartedEvent>> chairs = new LinkedHashMap<>();
        bindings.chairs().forEach(chair -> chairs.put(chair, Optional.empty()));
        AtomicLong scanned = new AtomicLong();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            events.forEach(event -> {
                scanned.incrementAndGet();
                if (event.getPayload() instanceof SessionStartedEvent started) {
                    chairs.put(started.chairId(), Optional.of(started));
                } else if (event.getPayload() instanceof SessionEndedEvent ended) {
                    chairs.computeIfPresent(ended.chairId(), (chair, current) -> current
                            .filter(s -> !s.sessionId().equals(ended.sessionId())));
                }
            });
        }
        chairs.forEach((chair, session) -> entityManager.persist(new ChairOccupancyEntry(chair.value(),
                session.map(s -> s.sessionId().value()).orElse(null),
                session.map(SessionStartedEvent::startedAt).orElse((Instant) null))));
        if (scanned.get() > 0) {
            log.info("Chair occupancy filled once from {} stored events: {} sessions running", scanned.get(),
                    chairs.values().stream().filter(Optional::isPresent).count());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before Axon's processors start to deliver events and before any device is listened to. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 500;
    }
}
