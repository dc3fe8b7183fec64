package org.vigil.simulator.pump;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/** Something a scenario does to the pump at a simulated time since the start: start it, occlude the line… */
public record ScheduledAction(Duration at, String description, Consumer<PumpModel> action) {

    public ScheduledAction {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(action, "action");
        if (at.isNegative()) {
            throw new IllegalArgumentException("an action cannot come before the start: " + at);
        }
    }

    static ScheduledAction at(Duration at, String description, Consumer<PumpModel> action) {
        return new ScheduledAction(at, description, action);
    }
}
