package org.vigil.simulator.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.hl7.MonitorIdentity;
import org.vigil.simulator.pump.PumpIdentity;
import org.vigil.simulator.scenario.Scenarios;

/**
 * One chair of a clinic load: {@code chair-n}, its monitor {@code clinic-monitor-nnnn} and pump
 * {@code clinic-pump-nnnn}, whether it plays the abnormal scenario, and where in the NIBP cycle its cuff stands
 * (chairs are spread over the cycle, as sessions that began at different times are).
 *
 * @param nibpPhase how long after the start of the run the chair's first cuff reading falls
 */
public record ClinicChair(int number, String chair, MonitorIdentity monitor, PumpIdentity pump, boolean abnormal,
                          Duration nibpPhase) {

    /** The clinic protocol's early NIBP interval (clinic-protocol.yml, {@code nibpCadence}). */
    public static final Duration NIBP_INTERVAL = Duration.ofMinutes(5);

    /**
     * The clinic's chairs: {@code abnormalPercent} % of them abnormal (at least one), spread evenly over the
     * numbers.
     */
    public static List<ClinicChair> clinic(int chairs, double abnormalPercent) {
        int abnormal = abnormalPercent <= 0 ? 0 : Math.max(1, (int) Math.round(chairs * abnormalPercent / 100));
        double step = abnormal == 0 ? Double.MAX_VALUE : (double) chairs / abnormal;
        List<ClinicChair> all = new ArrayList<>(chairs);
        for (int n = 1; n <= chairs; n++) {
            boolean isAbnormal = abnormal > 0 && Math.floor((n - 1) / step) != Math.floor((n - 2) / step);
            all.add(numbered(n, isAbnormal, chairs));
        }
        return all;
    }

    /** Vigil's device bindings for the chairs, device id to chair: the monitor and the pump of each. */
    public static Map<String, String> deviceBindings(List<ClinicChair> chairs) {
        Map<String, String> bindings = new LinkedHashMap<>();
        for (ClinicChair chair : chairs) {
            bindings.put(chair.monitor().deviceName(), chair.chair());
            bindings.put(chair.pump().deviceName(), chair.chair());
        }
        return bindings;
    }

    private static ClinicChair numbered(int n, boolean abnormal, int chairs) {
        String chair = MonitorSpec.defaultChairName(n);
        MonitorIdentity monitor = new MonitorSpec(String.format(Locale.ROOT, "clinic-monitor-%04d", n), chair,
                Scenarios.NORMAL, n).identity();
        PumpIdentity pump = new PumpIdentity(String.format(Locale.ROOT, "clinic-pump-%04d", n),
                String.format(Locale.ROOT, "00122101%08X", n), String.format(Locale.ROOT, "CLN-%05d", n), chair,
                monitor.patientPseudonym());
        Duration phase = NIBP_INTERVAL.multipliedBy(n - 1).dividedBy(chairs);
        return new ClinicChair(n, chair, monitor, pump, abnormal, phase);
    }
}
