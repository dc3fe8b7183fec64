package org.vigil.query.partition;

import org.vigil.core.api.ChairId;

/** A change asked of this node for a chair another partition serves; answered 421 naming that partition. */
public class ChairOfAnotherPartitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String partition;

    ChairOfAnotherPartitionException(ChairId chair, String partition, String own) {
        super("chair " + chair.value() + " belongs to partition " + partition + ", not to this node's partition "
                + own + ": send the request to a node of " + partition);
        this.partition = partition;
    }

    /** The partition whose nodes serve the chair. */
    public String partition() {
        return partition;
    }
}
