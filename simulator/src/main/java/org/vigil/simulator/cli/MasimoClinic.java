package org.vigil.simulator.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.intellivue.IntelliVueLink;
import org.vigil.simulator.masimo.MasimoOximeter;
import org.vigil.simulator.masimo.OximeterFault;

/**
 * The chairs' simulated Masimo oximeters, one serial device or terminal-server port each (the same links as the
 * IntelliVue monitors'), every one with the same sensor faults, started and stopped together.
 */
final class MasimoClinic implements ServedClinic {

    private final List<MonitorSpec> specs;
    private final List<IntelliVueLink> links;
    private final List<MasimoOximeter> oximeters = new ArrayList<>();

    MasimoClinic(List<MonitorSpec> specs, List<IntelliVueLink> links, List<OximeterFault> faults, ZoneId zone,
                 Clock clock, double speed) {
        if (specs.size() != links.size()) {
            throw new IllegalArgumentException(specs.size() + " oximeters for " + links.size() + " links");
        }
        this.specs = specs;
        this.links = links;
        for (int i = 0; i < specs.size(); i++) {
            MasimoOximeter.Builder builder = MasimoOximeter.builder(specs.get(i).scenario(), specs.get(i).seed())
                    .clock(clock).zone(zone).speed(speed).interval(Duration.ofSeconds(1));
            faults.forEach(builder::fault);
            if (links.get(i) instanceof IntelliVueLink.SerialDevice serial) {
                builder.serialPort(serial.path());
            } else if (links.get(i) instanceof IntelliVueLink.TcpListener tcp) {
                builder.terminalServer(tcp.address().getHostString(), tcp.address().getPort());
            }
            oximeters.add(builder.build());
        }
    }

    @Override
    public void start() {
        try {
            oximeters.forEach(MasimoOximeter::start);
        } catch (RuntimeException failure) {
            stop();
            throw failure;
        }
    }

    @Override
    public void stop() {
        oximeters.forEach(MasimoOximeter::stop);
    }

    @Override
    public boolean used() {
        return oximeters.stream().anyMatch(oximeter -> oximeter.linesWritten() > 0);
    }

    @Override
    public String summary() {
        StringBuilder text = new StringBuilder();
        String format = "%-16s %-28s %8s%n";
        text.append(String.format(Locale.ROOT, format, "device", "link", "lines"));
        for (int i = 0; i < oximeters.size(); i++) {
            text.append(String.format(Locale.ROOT, format, specs.get(i).deviceName(), links.get(i).description(),
                    oximeters.get(i).linesWritten()));
        }
        return text.toString();
    }
}
