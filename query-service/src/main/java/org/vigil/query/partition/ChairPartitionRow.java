package org.vigil.query.partition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row per chair that a partition serves: which partition, since when its node registered it. */
@Entity
@Table(name = "chair_partition")
class ChairPartitionRow {

    @Id
    @Column(name = "chair_id", length = 100)
    private String chairId;

    @Column(name = "partition_name", length = 100, nullable = false)
    private String partition;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    protected ChairPartitionRow() {
    }

    ChairPartitionRow(String chairId, String partition, Instant registeredAt) {
        this.chairId = chairId;
        this.partition = partition;
        this.registeredAt = registeredAt;
    }

    String chairId() {
        return chairId;
    }

    String partition() {
        return partition;
    }
}
