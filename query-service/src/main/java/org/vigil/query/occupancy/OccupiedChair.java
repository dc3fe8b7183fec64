package org.vigil.query.occupancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A chair and the session running there: one row per occupied chair. */
@Entity
@Table(name = "chair_occupancy")
class OccupiedChair {

    @Id
    @Column(name = "chair_id", length = 100)
    private String chairId;

    @Column(name = "session_id", length = 100, nullable = false)
    private String sessionId;

    protected OccupiedChair() {
    }

    OccupiedChair(String chairId, String sessionId) {
        this.chairId = chairId;
        this.sessionId = sessionId;
    }

    String chairId() {
        return chairId;
    }

    String sessionId() {
        return sessionId;
    }
}
