package org.vigil.simulator.pump;

import java.time.Duration;
import java.util.List;

/**
 * Plays a scenario on a pump model: brings the model to each action's exact simulated time, applies the action,
 * and goes on to the time asked for. Pure; the same whatever the steps, so a pump polled every 2 s and one
 * stepped through in a test deliver the same volumes.
 */
final class ScenarioPlayer {

    private final PumpScenario scenario;
    private final PumpModel model;
    private int next;

    ScenarioPlayer(PumpScenario scenario, PumpModel model) {
        this.scenario = scenario;
        this.model = model;
    }

    void advanceTo(Duration now) {
        List<ScheduledAction> actions = scenario.actions();
        while (next < actions.size() && actions.get(next).at().compareTo(now) <= 0) {
            ScheduledAction action = actions.get(next++);
            model.advanceTo(action.at());
            action.action().accept(model);
        }
        model.advanceTo(now);
    }

    /** Whether the pump has stopped answering the serial protocol at {@code now}. */
    boolean silentAt(Duration now) {
        return scenario.silentAfter().map(after -> now.compareTo(after) >= 0).orElse(false);
    }
}
