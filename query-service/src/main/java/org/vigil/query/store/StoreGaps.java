package org.vigil.query.store;

import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

/**
 * How the storage engines track the gaps in the global index that transactions still open (or rolled back) leave:
 * Axon's defaults, set on both engines that read the store ({@link StoreConfiguration},
 * {@link TrackedEventStreams}), so that both give a processor the same tokens.
 */
final class StoreGaps {

    static final int MAX_GAP_OFFSET = 10_000;
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int GAP_TIMEOUT_MILLIS = 60_000;
    private static final int GAP_CLEANING_THRESHOLD = 250;

    private StoreGaps() {
    }

    static JpaEventStorageEngine.Builder apply(JpaEventStorageEngine.Builder builder) {
        return builder.maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .gapTimeout(GAP_TIMEOUT_MILLIS).gapCleaningThreshold(GAP_CLEANING_THRESHOLD);
    }

    static JdbcEventStorageEngine.Builder apply(JdbcEventStorageEngine.Builder builder) {
        return builder.maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .gapTimeout(GAP_TIMEOUT_MILLIS).gapCleaningThreshold(GAP_CLEANING_THRESHOLD);
    }
}
