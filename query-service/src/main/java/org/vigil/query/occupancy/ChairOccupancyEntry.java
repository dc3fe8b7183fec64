package org.vigil.query.occupancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One row per chair: the session running there, or none. Written by {@link StoredChairOccupancy} in the transaction
 * that stores the session's start or end.
 */
@Entity
@Table(name = "chair_occupancy")
class ChairOccupancyEntry {

    @Id
    @Column(name = "chair_id", length = 100)
    private String chairId;

    @Column(name = "session_id", length = 100)
    private String sessionId;

    @Column(name = "started_at")
    private Instant startedAt;

    protected ChairOccupancyEntry() {
    }

    ChairOccupancyEntry(String chairId, String sessionId, Instant startedAt) {
        this.chairId = chairId;
        this.sessionId = sessionId;
        this.startedAt = startedAt;
    }

    String chairId() {
        return chairId;
    }

    /** {@code null} when the chair is free. */
    String sessionId() {
        return sessionId;
    }

    void occupy(String session, Instant at) {
        this.sessionId = session;
        this.startedAt = at;
    }

    void free() {
        this.sessionId = null;
        this.startedAt = null;
    }
}
