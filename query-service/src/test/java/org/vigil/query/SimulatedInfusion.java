package org.vigil.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.mllp.MllpClientSettings;
import org.vigil.simulator.pump.PumpDose;
import org.vigil.simulator.pump.PumpIdentity;
import org.vigil.simulator.pump.PumpScenarios;
import org.vigil.simulator.pump.SimulatedPump;
import org.vigil.simulator.scenario.Scenario;

/**
 * An IV ketamine session at chair 1 run from the simulator: the standard prescription (0.5 mg/kg for 70 kg at
 * 1 mg/mL over 40 min: 35 mg) given by a director, a simulated pump sending PCD-01 over MLLP every 30 s of its own
 * time, and a simulated monitor playing a scenario in real time. Vigil is started with {@link #properties}: the
 * monitor and pump bound to chair 1, and a protocol that escalates an unacknowledged HIGH alarm after the given
 * interval.
 */
public final class SimulatedInfusion implements AutoCloseable {

    public static final PumpDose KETAMINE = PumpDose.ketamine(70, 1.0);
    private static final String PRESCRIPTION =
            "{\"drug\":\"ketamine\",\"mgPerKg\":0.5,\"minutes\":40,\"concentrationMgPerMl\":1.0}";

    private final SimulatedPump pump;
    private final ClinicSimulator monitor;

    private SimulatedInfusion(SimulatedPump pump, ClinicSimulator monitor) {
        this.pump = pump;
        this.monitor = monitor;
    }

    /** Vigil's properties for the run: devices at chair 1, and the escalation interval in a protocol file. */
    public static List<String> properties(Path data, Duration escalation) {
        List<String> properties = new ArrayList<>(RunningVigil.devices("sim-monitor-01=chair-1",
                "sim-pump-01=chair-1"));
        properties.add(ProtocolFile.write(data.resolve("clinic-protocol.yml"),
                Map.of("highUnacknowledgedSeconds: 60", "highUnacknowledgedSeconds: " + escalation.toSeconds())));
        return properties;
    }

    /** Prescribes the session's infusion, then starts the pump ({@code pumpSpeed} × real time) and the monitor. */
    public static SimulatedInfusion start(RunningVigil vigil, String session, Scenario monitorScenario,
                                          double pumpSpeed) {
        assertThat(vigil.send("POST", "/api/sessions/" + session + "/prescription", "director", PRESCRIPTION)
                .statusCode()).isEqualTo(202);
        SimulatedPump pump = SimulatedPump.builder(PumpScenarios.normal(KETAMINE))
                .identity(PumpIdentity.numbered(1))
                .hl7("127.0.0.1", vigil.mllpPort(), MllpClientSettings.defaults(), Duration.ofSeconds(30))
                .speed(pumpSpeed).build();
        ClinicSimulator monitor = new ClinicSimulator(List.of(MonitorSpec.numbered(1, monitorScenario, 1)),
                "127.0.0.1", vigil.mllpPort(), Clock.systemUTC(), 1.0);
        pump.start();
        monitor.start();
        return new SimulatedInfusion(pump, monitor);
    }

    /** What the pump delivered of its programme, in mg. */
    public double deliveredMg() {
        return pump.truth().programmeDeliveredMl() * KETAMINE.concentrationMgPerMl();
    }

    @Override
    public void close() {
        monitor.stop();
        pump.stop();
    }
}
