package org.vigil.query.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Where the hashed record begins, in table {@code record_chain_start} (one row): the global index of the first
 * event stored with a hash, how many events the store held before it (stored before Vigil hashed events; they are
 * counted, not hashed) and when. Written with that first event, in its transaction.
 */
@Entity
@Table(name = "record_chain_start")
class ChainStart {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "first_global_index", nullable = false)
    private long firstGlobalIndex;

    @Column(name = "events_before", nullable = false)
    private long eventsBefore;

    @Column(name = "started_at", nullable = false, length = 40)
    private String startedAt;

    protected ChainStart() {
    }

    long firstGlobalIndex() {
        return firstGlobalIndex;
    }

    long eventsBefore() {
        return eventsBefore;
    }

    String startedAt() {
        return startedAt;
    }
}
