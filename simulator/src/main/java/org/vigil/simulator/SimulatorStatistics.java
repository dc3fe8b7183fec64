package org.vigil.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.vigil.simulator.mllp.DeliveryStatistics;

/** ACK statistics per monitor (by device name, in start order) and summed over all monitors. */
public record SimulatorStatistics(Map<String, DeliveryStatistics> byDevice, DeliveryStatistics total) {

    public SimulatorStatistics {
        byDevice = Collections.unmodifiableMap(new LinkedHashMap<>(byDevice));
    }

    static SimulatorStatistics of(Map<String, DeliveryStatistics> byDevice) {
        DeliveryStatistics total = byDevice.values().stream()
                .reduce(DeliveryStatistics.NONE, DeliveryStatistics::plus);
        return new SimulatorStatistics(byDevice, total);
    }

    /** The statistics of one monitor; all zero for a device name that is not simulated. */
    public DeliveryStatistics monitor(String deviceName) {
        return byDevice.getOrDefault(deviceName, DeliveryStatistics.NONE);
    }

    /** True when any monitor got a NAK or a timeout. */
    public boolean hasFailures() {
        return total.hasFailures();
    }

    /** A table of the counts, one line per monitor and a total line, for people reading a terminal. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        String format = "%-16s %8s %7s %8s %5s %5s %8s %10s  %s%n";
        text.append(String.format(Locale.ROOT, format, "device", "sent", "resent", "AA", "AE", "AR", "timeouts",
                "reconnects", "last NAK"));
        byDevice.forEach((device, statistics) -> text.append(line(format, device, statistics)));
        text.append(line(format, "total", total));
        return text.toString();
    }

    private static String line(String format, String device, DeliveryStatistics statistics) {
        return String.format(Locale.ROOT, format, device, statistics.sent(), statistics.resent(),
                statistics.accepted(), statistics.errors(), statistics.rejections(), statistics.timeouts(),
                statistics.reconnects(), statistics.lastNakReason().orElse("-"));
    }
}
