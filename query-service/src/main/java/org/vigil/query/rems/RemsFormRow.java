package org.vigil.query.rems;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The REMS form of one esketamine session in the REMS read model: whether it is complete, what is missing, when it
 * must be sent; and the facts it was filled from, as JSON, which the next event of the session is folded into.
 */
@Entity
@Table(name = "rems_form", indexes = @Index(name = "rems_form_complete", columnList = "complete, send_by"))
class RemsFormRow {

    static final int FACTS_LENGTH = 64_000;

    @Id
    @Column(name = "session_id", length = 100)
    private String sessionId;

    @Column(name = "complete", nullable = false)
    private boolean complete;

    @Column(name = "missing", length = 1000)
    private String missing;

    @Column(name = "send_by")
    private Instant sendBy;

    @Column(name = "facts", length = FACTS_LENGTH, nullable = false)
    private String facts;

    protected RemsFormRow() {
    }

    RemsFormRow(String sessionId) {
        this.sessionId = sessionId;
    }

    String sessionId() {
        return sessionId;
    }

    String facts() {
        return facts;
    }

    boolean complete() {
        return complete;
    }

    String missing() {
        return missing;
    }

    Instant sendBy() {
        return sendBy;
    }

    void update(String facts, boolean complete, String missing, Instant sendBy) {
        this.facts = facts;
        this.complete = complete;
        this.missing = missing;
        this.sendBy = sendBy;
    }
}
