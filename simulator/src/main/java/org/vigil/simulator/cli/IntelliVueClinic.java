package org.vigil.simulator.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.intellivue.ImpersonatorConfig;
import org.vigil.simulator.intellivue.IntelliVueLink;
import org.vigil.simulator.intellivue.IntelliVueMonitor;
import org.vigil.simulator.intellivue.IntelliVueMonitorStatistics;

/** The chairs' simulated IntelliVue monitors, one link each, started and stopped together. */
final class IntelliVueClinic implements ServedClinic {

    private final List<IntelliVueMonitor> monitors = new ArrayList<>();

    /** One monitor per spec, on the link of the same index. */
    IntelliVueClinic(List<MonitorSpec> specs, List<IntelliVueLink> links, ImpersonatorConfig config, Clock clock,
                     double speed) {
        if (specs.size() != links.size()) {
            throw new IllegalArgumentException(specs.size() + " monitors for " + links.size() + " links");
        }
        for (int i = 0; i < specs.size(); i++) {
            MonitorSpec spec = specs.get(i);
            monitors.add(new IntelliVueMonitor(spec.deviceName(), spec.scenario(), spec.seed(), links.get(i), config,
                    clock, speed));
        }
    }

    @Override
    public void start() {
        try {
            monitors.forEach(IntelliVueMonitor::start);
        } catch (RuntimeException failure) {
            stop();
            throw failure;
        }
    }

    @Override
    public void stop() {
        monitors.forEach(IntelliVueMonitor::stop);
    }

    @Override
    public boolean used() {
        return monitors.stream().anyMatch(monitor -> monitor.statistics().pollsAnswered() > 0);
    }

    @Override
    public String summary() {
        StringBuilder text = new StringBuilder();
        String format = "%-16s %-28s %4s %6s %7s %8s %8s %10s %10s%n";
        text.append(String.format(Locale.ROOT, format, "device", "link", "up", "links", "assocs", "polls",
                "rejected", "bytes in", "bytes out"));
        for (IntelliVueMonitor monitor : monitors) {
            IntelliVueMonitorStatistics s = monitor.statistics();
            text.append(String.format(Locale.ROOT, format, monitor.name(), monitor.link().description(),
                    s.linkUp() ? "yes" : "no", s.linksOpened(), s.associations(), s.pollsAnswered(), s.rejected(),
                    s.bytesIn(), s.bytesOut()));
        }
        return text.toString();
    }
}
