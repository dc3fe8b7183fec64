package org.vigil.query.demo;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.CheckInPatientCommand;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.EvaluateGateCommand;
import org.vigil.core.api.GateOutcome;
import org.vigil.core.api.RecordPreAssessmentCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.StartDosingCommand;
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
 * The demo clinic: a session at every configured chair that has none, walked from check-in to dosing (or held at
 * the pre-dose gate), and a simulated monitor per chair sending IHE PCD-01 over real MLLP/TCP to the application's
 * own listener. The simulator runs beside the application, not inside it: the two meet only on the wire.
 */
@Component
@Profile("demo")
class DemoClinic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoClinic.class);

    /** Who the demo's own steps are recorded as: the simulated clinic, not a person. */
    static final String DEMO_USER = "demo";

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
        BaselineVitals vitals = new BaselineVitals((int) Math.round(baseline.systolic()),
                (int) Math.round(baseline.diastolic()), (int) Math.round(baseline.heartRate()),
                (int) Math.round(baseline.spo2()));
        SessionId session = SessionId.random();
        commands.sendAndWait(new StartSessionCommand(session, chair, monitor.patientPseudonym(), weightKg, ageYears,
                Treatment.IV_KETAMINE, vitals, protocol.ref(), clock.instant()));
        walkToDosing(session, chair, weightKg, vitals);
    }

    /**
     * Takes a demo session through the clinic's steps as a nurse would: check-in, pre-assessment, the pre-dose gate
     * with the patient's resting blood pressure, then the infusion. A patient the gate holds stays at the gate, for
     * a director to override or a nurse to defer.
     */
    private void walkToDosing(SessionId session, ChairId chair, double weightKg, BaselineVitals vitals) {
        commands.sendAndWait(new CheckInPatientCommand(session, protocol.workflowRules(), DEMO_USER, clock.instant()));
        commands.sendAndWait(new RecordPreAssessmentCommand(session, weightKg, vitals, Set.of(), true,
                "driven home by family", DEMO_USER, clock.instant()));
        GateOutcome gate = commands.sendAndWait(new EvaluateGateCommand(session, vitals.systolic(),
                vitals.diastolic(), DEMO_USER, clock.instant()));
        if (gate == GateOutcome.PASS) {
            commands.sendAndWait(new StartDosingCommand(session, DEMO_USER, clock.instant()));
        } else {
            log.info("Demo clinic: {} holds at the pre-dose gate ({}/{} mmHg)", chair, vitals.systolic(),
                    vitals.diastolic());
        }
    }
}
