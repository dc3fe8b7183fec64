package org.vigil.simulator.pump;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scripted pump: its programme, what happens to it and when (in simulated time since the start), and whether it
 * stops answering the serial protocol after a while.
 *
 * @param silentAfter when the pump stops answering polls; empty when it always answers
 */
public record PumpScenario(String name, String description, Programme programme, List<ScheduledAction> actions,
                           Optional<Duration> silentAfter) {

    public PumpScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(silentAfter, "silent after");
        actions = actions.stream().sorted(Comparator.comparing(ScheduledAction::at)).toList();
    }
}
