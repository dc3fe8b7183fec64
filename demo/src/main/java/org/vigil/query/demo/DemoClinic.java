package org.vigil.query.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
import org.vigil.core.api.PrescribeInfusionCommand;
import org.vigil.core.api.RecordPreAssessmentCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.StartDosingCommand;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.chairs.ChairsProjection;
import org.vigil.query.ingest.MllpGateway;
import org.vigil.query.settings.DeviceBindings;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.mllp.MllpClientSettings;
import org.vigil.simulator.patient.Baseline;
import org.vigil.simulator.patient.PatientModel;
import org.vigil.simulator.pump.PumpDose;
import org.vigil.simulator.pump.PumpIdentity;
import org.vigil.simulator.pump.PumpScenarios;
import org.vigil.simulator.pump.SimulatedPump;
import org.vigil.simulator.scenario.Scenario;
import org.vigil.simulator.scenario.Scenarios;

/**
 * The demo clinic: a session at every configured chair that has none, walked from check-in to dosing (or held at
 * the pre-dose gate), and a simulated monitor per chair sending IHE PCD-01 over real MLLP/TCP to the application's
 * own listener; a patient who passes the gate gets the standard ketamine prescription and a simulated infusion
 * pump sending IHE PCD-01/-10/-04 the same way. The simulator runs beside the application, not inside it: the two
 * meet only on the wire.
 */
@Component
@Profile("demo")
class DemoClinic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoClinic.class);

    /** Who the demo's own steps are recorded as: the simulated clinic, not a person. */
    static final String DEMO_USER = "demo";
    /** Demo pumps are named after their chair's monitor: {@code sim-pump-03} beside {@code sim-monitor-03}. */
    static final String PUMP_PREFIX = "sim-pump-";
    private static final double KETAMINE_MG_PER_ML = 1.0;

    private final DemoProperties properties;
    private final DeviceBindings bindings;
    private final ChairsProjection chairs;
    private final CommandGateway commands;
    private final ClinicProtocol protocol;
    private final MllpGateway gateway;
    private final Clock clock;
    private ClinicSimulator simulator;
    private final List<SimulatedPump> pumps = new ArrayList<>();

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
        monitors.stream().filter(monitor -> !properties.freeChairs().contains(monitor.chairName()))
                .forEach(this::startSessionIfChairIsFree);
        simulator = new ClinicSimulator(monitors, "127.0.0.1", gateway.port(), clock, properties.speed());
        simulator.start();
        pumps.forEach(SimulatedPump::start);
        log.info("Demo clinic: {} simulated monitors and {} pumps sending to MLLP port {}", monitors.size(),
                pumps.size(), gateway.port());
    }

    @Override
    public synchronized void stop() {
        pumps.forEach(SimulatedPump::stop);
        pumps.clear();
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
                .filter(device -> !device.value().startsWith(PUMP_PREFIX))
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
            resumeInfusion(chair, monitor);
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
        if (walkToDosing(session, chair, weightKg, vitals)) {
            infuse(session, chair, monitor, weightKg);
        }
    }

    /** The standard prescription (docs/DOMAIN.md: 0.5 mg/kg over 40 min) and a pump to deliver it, if one is configured. */
    private void infuse(SessionId session, ChairId chair, MonitorSpec monitor, double weightKg) {
        if (pumpAt(chair, monitor) == null) {
            return;
        }
        commands.sendAndWait(new PrescribeInfusionCommand(session, "ketamine", 0.5, Duration.ofMinutes(40),
                KETAMINE_MG_PER_ML, DEMO_USER, clock.instant()));
        addPump(chair, monitor, weightKg);
    }

    /** After a restart the demo's pumps start their programme again beside the sessions that had one. */
    private void resumeInfusion(ChairId chair, MonitorSpec monitor) {
        chairs.chair(chair)
                .filter(view -> view.pump() != null && view.session() != null)
                .filter(view -> pumpAt(chair, monitor) != null)
                .ifPresent(view -> addPump(chair, monitor, view.session().weightKg()));
    }

    private String pumpAt(ChairId chair, MonitorSpec monitor) {
        String pumpId = PUMP_PREFIX + monitor.deviceName().substring(monitor.deviceName().lastIndexOf('-') + 1);
        return bindings.chairOf(new DeviceId(pumpId)).filter(chair::equals).isPresent() ? pumpId : null;
    }

    private void addPump(ChairId chair, MonitorSpec monitor, double weightKg) {
        String pumpId = pumpAt(chair, monitor);
        int n = pumps.size() + 1;
        PumpIdentity identity = new PumpIdentity(pumpId, String.format("00122100%08X", n),
                String.format("SIM8100-%04d", n), chair.value(), monitor.patientPseudonym());
        PumpDose dose = PumpDose.ketamine(weightKg, KETAMINE_MG_PER_ML);
        pumps.add(SimulatedPump.builder(PumpScenarios.named(
                        properties.pumpScenarios().getOrDefault(chair.value(), "normal"), dose))
                .identity(identity)
                .hl7("127.0.0.1", gateway.port(), MllpClientSettings.defaults(), Duration.ofSeconds(10))
                .clock(clock)
                .speed(properties.speed())
                .build());
    }

    /**
     * Takes a demo session through the clinic's steps as a nurse would: check-in, pre-assessment, the pre-dose gate
     * with the patient's resting blood pressure, then the infusion. A patient the gate holds stays at the gate, for
     * a director to override or a nurse to defer.
     */
    private boolean walkToDosing(SessionId session, ChairId chair, double weightKg, BaselineVitals vitals) {
        commands.sendAndWait(new CheckInPatientCommand(session, protocol.workflowRules(), DEMO_USER, clock.instant()));
        commands.sendAndWait(new RecordPreAssessmentCommand(session, weightKg, vitals, Set.of(), true,
                "driven home by family", DEMO_USER, clock.instant()));
        GateOutcome gate = commands.sendAndWait(new EvaluateGateCommand(session, vitals.systolic(),
                vitals.diastolic(), DEMO_USER, clock.instant()));
        if (gate == GateOutcome.PASS) {
            commands.sendAndWait(new StartDosingCommand(session, DEMO_USER, clock.instant()));
            return true;
        }
        log.info("Demo clinic: {} holds at the pre-dose gate ({}/{} mmHg)", chair, vitals.systolic(),
                vitals.diastolic());
        return false;
    }
}
