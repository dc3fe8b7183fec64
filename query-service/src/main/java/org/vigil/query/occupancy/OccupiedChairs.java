package org.vigil.query.occupancy;

import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.session.ChairOccupancy;
import org.vigil.query.support.ProcessingGroups;

/**
 * The chairs and their running sessions in a table beside the event store, changed by a subscribing handler in the
 * transaction that stores the session's start or end: it never lags the store and survives a crash with it.
 */
@Component
@ProcessingGroup(ProcessingGroups.CHAIR_OCCUPANCY)
class OccupiedChairs implements ChairOccupancy {

    private final EntityManager entityManager;

    OccupiedChairs(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<SessionId> sessionAt(ChairId chair) {
        return Optional.ofNullable(entityManager.find(OccupiedChair.class, chair.value()))
                .map(row -> new SessionId(row.sessionId()));
    }

    @Override
    public Map<ChairId, SessionId> running() {
        return entityManager.createQuery("select o from OccupiedChair o", OccupiedChair.class).getResultList()
                .stream().collect(Collectors.toMap(row -> new ChairId(row.chairId()),
                        row -> new SessionId(row.sessionId())));
    }

    @EventHandler
    void on(SessionStartedEvent event) {
        entityManager.merge(new OccupiedChair(event.chairId().value(), event.sessionId().value()));
    }

    @EventHandler
    void on(SessionEndedEvent event) {
        OccupiedChair row = entityManager.find(OccupiedChair.class, event.chairId().value());
        if (row != null && row.sessionId().equals(event.sessionId().value())) {
            entityManager.remove(row);
        }
    }
}
