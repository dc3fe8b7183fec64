package org.vigil.simulator.pump;

import java.time.Duration;
import java.util.List;

/**
 * What the simulated pump actually did, straight from its model: what tests compare the adapter's reports with.
 *
 * @param elapsed              simulated time since the start
 * @param programmeDeliveredMl volume infused by the programme, the pump's "volume infused"
 * @param kvoDeliveredMl       volume delivered at the keep-vein-open rate after completion
 * @param deliveredMg          drug delivered in all, {@code (programme + KVO volume) × concentration}
 */
public record PumpTruth(Duration elapsed, PumpState state, double programmeDeliveredMl, double kvoDeliveredMl,
                        double deliveredMg, List<PumpAlarmCode> alarms) {

    public PumpTruth {
        alarms = List.copyOf(alarms);
    }

    static PumpTruth of(PumpSnapshot snapshot) {
        return new PumpTruth(snapshot.elapsed(), snapshot.state(), snapshot.programmeDeliveredMl(),
                snapshot.kvoDeliveredMl(), snapshot.totalDeliveredMl() * snapshot.programme().concentrationMgPerMl(),
                snapshot.alarms());
    }

    public double totalDeliveredMl() {
        return programmeDeliveredMl + kvoDeliveredMl;
    }
}
