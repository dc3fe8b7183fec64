package org.vigil.simulator.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.simulator.mllp.MllpClientSettings;
import org.vigil.simulator.pump.PumpDose;
import org.vigil.simulator.pump.PumpIdentity;
import org.vigil.simulator.pump.PumpScenarios;
import org.vigil.simulator.pump.PumpStatistics;
import org.vigil.simulator.pump.PumpTruth;
import org.vigil.simulator.pump.SimulatedPump;

/** The pumps of one command line, pump n at chair-n, started and stopped together. */
final class PumpSimulators {

    private final List<PumpOption> options;
    private final List<SimulatedPump> pumps;

    private PumpSimulators(List<PumpOption> options, List<SimulatedPump> pumps) {
        this.options = options;
        this.pumps = pumps;
    }

    static PumpSimulators of(List<PumpOption> options, double weightKg, double concentration, HostPort mllp,
                             MllpClientSettings mllpSettings, Duration hl7Every, Clock clock, double speed) {
        PumpDose dose = PumpDose.ketamine(weightKg, concentration);
        List<SimulatedPump> pumps = new ArrayList<>();
        for (int n = 1; n <= options.size(); n++) {
            PumpOption option = options.get(n - 1);
            SimulatedPump.Builder builder = SimulatedPump.builder(PumpScenarios.named(option.scenario(), dose))
                    .identity(PumpIdentity.numbered(n)).clock(clock).speed(speed);
            if (option.hl7()) {
                builder.hl7(mllp.host(), mllp.port(), mllpSettings, hl7Every);
            } else if (option.serialPath() != null) {
                builder.serialPort(option.serialPath());
            } else {
                builder.terminalServer(option.tcpHost(), option.tcpPort());
            }
            pumps.add(builder.build());
        }
        return new PumpSimulators(options, pumps);
    }

    void start(PrintWriter out) {
        for (int i = 0; i < pumps.size(); i++) {
            SimulatedPump pump = pumps.get(i);
            pump.start();
            String where = options.get(i).tcpHost() != null
                    ? pump.scenario().name() + " on tcp " + options.get(i).tcpHost() + ":" + pump.tcpPort()
                    : options.get(i).describe();
            out.printf("pump %s at %s: %s%n", pump.identity().deviceName(), pump.identity().chairName(), where);
        }
        out.flush();
    }

    boolean isEmpty() {
        return pumps.isEmpty();
    }

    void stop() {
        pumps.forEach(SimulatedPump::stop);
    }

    /** True when an HL7 pump had a message refused or unanswered, or none acknowledged. */
    boolean hasFailures() {
        for (int i = 0; i < pumps.size(); i++) {
            PumpStatistics statistics = pumps.get(i).statistics();
            if (options.get(i).hl7() && (statistics.hl7().hasFailures() || statistics.hl7().accepted() == 0)) {
                return true;
            }
        }
        return false;
    }

    String summary() {
        StringBuilder text = new StringBuilder();
        String format = "%-12s %-16s %9s %8s %8s %9s %9s %8s %10s%n";
        text.append(String.format(Locale.ROOT, format, "pump", "scenario", "state", "mL", "mg", "commands",
                "bad", "HL7 sent", "HL7 AA"));
        for (SimulatedPump pump : pumps) {
            PumpStatistics statistics = pump.statistics();
            PumpTruth truth = pump.truth();
            text.append(String.format(Locale.ROOT, format, pump.identity().deviceName(), pump.scenario().name(),
                    truth.state(), String.format(Locale.ROOT, "%.2f", truth.totalDeliveredMl()),
                    String.format(Locale.ROOT, "%.2f", truth.deliveredMg()), statistics.commandsReceived(),
                    statistics.badFrames(), statistics.hl7().sent(), statistics.hl7().accepted()));
        }
        return text.toString();
    }
}
