package org.vigil.query.occupancy;

import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.vigil.query.support.ProcessingGroups;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.session.ChairOccupancy;
import org.vigil.query.support.AfterCommit;
import org.vigil.query.settings.NodePartition;

/**
 * The command side's record of which session runs at each chair: the {@code chair_occupancy} table, changed by a
 * subscribing processor in the unit of work that stores the session's start or end, so the row and the events
 * commit or roll back together. Its processor propagates errors ({@link OccupancyConfiguration}): a row that cannot
 * be written fails the command that started or ended the session.
 *
 * <p>Reads come from an in-memory copy of the table, loaded at start ({@link OccupancyStartup}) and changed only
 * after a commit, so every device message is routed without a query. The copy is this node's: a session started
 * through another node sharing the database is seen here after a restart.
 */
@Component
@ProcessingGroup(ProcessingGroups.CHAIR_OCCUPANCY)
public class StoredChairOccupancy implements ChairOccupancy {


    private final Map<ChairId, SessionId> running = new ConcurrentHashMap<>();
    private final EntityManager entityManager;
    private final NodePartition partition;

    StoredChairOccupancy(EntityManager entityManager, NodePartition partition) {
        this.entityManager = entityManager;
        this.partition = partition;
    }

    @Override
    public Optional<SessionId> sessionAt(ChairId chair) {
        return Optional.ofNullable(running.get(chair));
    }

    @Override
    public Map<ChairId, SessionId> running() {
        return Map.copyOf(running);
    }

    /** The table as it stands in the caller's transaction, this node's partition's chairs only. */
    @Override
    public Map<ChairId, SessionId> recorded() {
        return entityManager.createQuery("select e from ChairOccupancyEntry e where e.sessionId is not null",
                        ChairOccupancyEntry.class).getResultStream()
                .filter(e -> partition.owns(new ChairId(e.chairId())))
                .collect(Collectors.toMap(e -> new ChairId(e.chairId()), e -> new SessionId(e.sessionId())));
    }

    /**
     * The chair's row as it stands in the caller's transaction, by its key: a row this transaction wrote is found
     * in its persistence context, another's once committed; no other row is read.
     */
    @Override
    public Optional<SessionId> recordedAt(ChairId chair) {
        if (!partition.owns(chair)) {
            return Optional.empty();
        }
        ChairOccupancyEntry entry = entityManager.find(ChairOccupancyEntry.class, chair.value());
        return entry == null || entry.sessionId() == null ? Optional.empty()
                : Optional.of(new SessionId(entry.sessionId()));
    }

    @EventHandler
    void on(SessionStartedEvent event) {
        ChairOccupancyEntry entry = entityManager.find(ChairOccupancyEntry.class, event.chairId().value());
        if (entry == null) {
            entityManager.persist(new ChairOccupancyEntry(event.chairId().value(), event.sessionId().value(),
                    event.startedAt()));
        } else {
            entry.occupy(event.sessionId().value(), event.startedAt());
        }
        AfterCommit.run(() -> running.put(event.chairId(), event.sessionId()));
    }

    @EventHandler
    void on(SessionEndedEvent event) {
        ChairOccupancyEntry entry = entityManager.find(ChairOccupancyEntry.class, event.chairId().value());
        if (entry == null || !event.sessionId().value().equals(entry.sessionId())) {
            return;
        }
        entry.free();
        AfterCommit.run(() -> running.remove(event.chairId(), event.sessionId()));
    }

    /** Replaces the in-memory copy with what the table holds. */
    void load(Map<ChairId, SessionId> stored) {
        running.clear();
        running.putAll(stored);
    }
}
