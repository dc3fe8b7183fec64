package org.vigil.query.workflow;

import org.springframework.stereotype.Component;
import org.vigil.core.api.ChairId;
import org.vigil.core.session.WorkflowStepRefusedException;
import org.vigil.query.chairs.ChairsProjection;
import org.vigil.query.partition.ChairOfAnotherPartitionException;
import org.vigil.query.partition.ChairPartitions;

/**
 * Whether a session may be booked at a chair: only while no session runs there, and only through a node of the
 * chair's partition.
 */
@Component
class FreeChairs {

    private final ChairsProjection chairs;
    private final ChairPartitions partitions;

    FreeChairs(ChairsProjection chairs, ChairPartitions partitions) {
        this.chairs = chairs;
        this.partitions = partitions;
    }

    /**
     * @throws WorkflowStepRefusedException      naming the session that holds the chair
     * @throws ChairOfAnotherPartitionException naming the partition that serves it
     */
    void requireFree(ChairId chair) {
        partitions.requireOwn(chair);
        chairs.activeSession(chair).ifPresent(taken -> {
            throw new WorkflowStepRefusedException("chair " + chair + " is taken by session " + taken
                    + ": it must end before another is scheduled there");
        });
    }
}
