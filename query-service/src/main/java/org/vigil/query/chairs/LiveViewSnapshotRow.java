package org.vigil.query.chairs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The latest snapshot of a running session's chair in the live view: what folding the session's stream up to
 * {@code sequenceNumber} gives, as compressed JSON of {@link LiveChair}. Dropped when the session ends.
 */
@Entity
@Table(name = "live_view_snapshot")
class LiveViewSnapshotRow {

    @Id
    @Column(name = "session_id", length = 100)
    private String sessionId;

    @Column(name = "chair_id", length = 100, nullable = false)
    private String chairId;

    @Column(name = "sequence_number", nullable = false)
    private long sequenceNumber;

    /** The shape of {@code state}; a snapshot of another shape is ignored and the session folded from its events. */
    @Column(name = "format", nullable = false)
    private int format;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    @Column(name = "state", nullable = false, length = 64 * 1024 * 1024)
    private byte[] state;

    protected LiveViewSnapshotRow() {
    }

    LiveViewSnapshotRow(String sessionId, String chairId) {
        this.sessionId = sessionId;
        this.chairId = chairId;
    }

    void update(long sequenceNumber, int format, Instant takenAt, byte[] state) {
        this.sequenceNumber = sequenceNumber;
        this.format = format;
        this.takenAt = takenAt;
        this.state = state;
    }

    String sessionId() {
        return sessionId;
    }

    String chairId() {
        return chairId;
    }

    long sequenceNumber() {
        return sequenceNumber;
    }

    int format() {
        return format;
    }

    byte[] state() {
        return state;
    }
}
