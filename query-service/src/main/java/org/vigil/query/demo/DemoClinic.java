package org.vigil.query.demo;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.chairs.ChairsProjection;
import org.vigil.query.config.DeviceBindings;
import org.vigil.query.ingest.MllpGateway;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.patient.Baseline;
import org.vigil.simulator.patient.PatientModel;
import org.vigil.simulator.scenario.Scenario;
import org.vigil.simulator.scenario.Scenarios;

/**
 * The demo clinic: a session at every configured chair that has none, and a simulated monitor per chair
 * sending IHE PCD-01 over real MLLP/TCP to the application's own listener. The simulator runs beside the
 * application, not inside it: the two meet only on the wire.
 */
@Component
@Profile("demo")
class DemoClinic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoClinic.class);

    private final DemoProperties properties;
    private final DeviceBindings bindings;
    private final ChairsProjection chairs;
    private final CommandGateway commands;
    private final ClinicProtocol protocol;
    private final MllpGateway gateway;
    private final Clock clock;
    private ClinicSimulator simulator;

    DemoClinic(DemoProperties properties, DeviceBindings bindings, ChairsProjection chairs, CommandGateway commands,
               ClinicProtocol protocol, MllpGateway gateway, Clock clock) {
        this.properties = properties;
        this.bindings = bindings;
        this.chairs = chairs;
        this.commands = commands;
        this.protocol = protocol;
        this.gateway = gateway;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        List<MonitorSpec> monitors = monitors();
        monitors.forEach(this::startSessionIfChairIsFree);
        simulator = new ClinicSimulator(monitors, "127.0.0.1", gateway.port(), clock, properties.speed());
        simulator.start();
        log.info("Demo clinic: {} simulated monitors sending PCD-01 to MLLP port {}", monitors.size(),
                gateway.port());
    }

    @Override
    public synchronized void stop() {
        if (simulator != null) {
            simulator.stop();
            log.info("Demo clinic stopped: {}", simulator.statistics().summary());
            simulator = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return simulator != null;
    }

    /** After the MLLP listener opens, before it closes. */
    @Override
    public int getPhase() {
        return gateway.getPhase() + 1;
    }

    private List<MonitorSpec> monitors() {
        return bindings.devices().stream()
                .sorted(Comparator.comparing(DeviceId::value))
                .map(device -> {
                    ChairId chair = bindings.chairOf(device).orElseThrow();
                    Scenario scenario = Scenarios.named(properties.scenarios().getOrDefault(chair.value(), "normal"));
                    long seed = properties.seed() + device.value().hashCode();
                    return new MonitorSpec(device.value(), chair.value(), scenario, seed);
                })
                .toList();
    }

    private void startSessionIfChairIsFree(MonitorSpec monitor) {
        ChairId chair = new ChairId(monitor.chairName());
        if (chairs.activeSession(chair).isPresent()) {
            return;
        }
        Baseline baseline = PatientModel.fromSeed(monitor.seed()).baseline();
        long mix = Math.abs(monitor.seed() * 2654435761L);
        double weightKg = 55 + mix % 40;
        int ageYears = 25 + (int) (mix / 40 % 45);
        commands.sendAndWait(new StartSessionCommand(SessionId.random(), chair, monitor.patientPseudonym(), weightKg,
                ageYears, Treatment.IV_KETAMINE, new BaselineVitals((int) Math.round(baseline.systolic()),
                (int) Math.round(baseline.diastolic()), (int) Math.round(baseline.heartRate()),
                (int) Math.round(baseline.spo2())), protocol.ref(), clock.instant()));
    }
}
