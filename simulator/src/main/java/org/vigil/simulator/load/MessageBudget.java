package org.vigil.simulator.load;

import java.util.concurrent.atomic.AtomicLong;

/** How many messages the connections of one run may still send between them; unlimited when the limit is 0. */
final class MessageBudget {

    private final boolean limited;
    private final AtomicLong remaining;

    MessageBudget(long limit) {
        this.limited = limit > 0;
        this.remaining = new AtomicLong(limit);
    }

    /** Claims one message; false when the budget is spent. */
    boolean take() {
        return !limited || remaining.getAndDecrement() > 0;
    }
}
