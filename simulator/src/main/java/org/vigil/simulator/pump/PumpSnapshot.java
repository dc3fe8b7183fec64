package org.vigil.simulator.pump;

import java.time.Duration;
import java.util.List;

/**
 * The pump as it stands at simulated time {@code elapsed} since its start; what every outgoing message is made of.
 *
 * @param programmeDeliveredMl volume infused in this programme (the pump's "volume infused" counter)
 * @param kvoDeliveredMl       volume delivered at the keep-vein-open rate after completion
 * @param linePressureMmHg     downstream line pressure
 * @param timeRemaining        to the end of the programme at the current rate; {@code null} when not infusing
 */
public record PumpSnapshot(Duration elapsed, PumpState state, Programme programme, double programmeDeliveredMl,
                           double kvoDeliveredMl, List<PumpAlarmCode> alarms, int linePressureMmHg,
                           Duration timeRemaining) {

    public PumpSnapshot {
        alarms = List.copyOf(alarms);
    }

    public double volumeRemainingMl() {
        return Math.max(0.0, programme.vtbiMl() - programmeDeliveredMl);
    }

    public double totalDeliveredMl() {
        return programmeDeliveredMl + kvoDeliveredMl;
    }
}
