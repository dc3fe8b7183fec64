package org.vigil.core.protocol;

import org.vigil.core.api.PreDoseLimits;
import org.vigil.core.api.ProtocolRef;
import org.vigil.core.api.WorkflowRules;

/**
 * A clinic's protocol: the thresholds, delays and cadences its sessions run under, how its devices are
 * supervised, the drug library and tolerance its infusions are checked against, and the times and criteria of
 * the session workflow, whether the opt-in pump interlock pauses pumps, and whether nurses may review the sessions
 * of their own chairs. It is data, loaded from a versioned YAML file (docs/DESIGN.md, "Aggregates and rules"), so a clinic
 * changes a threshold without a release; the name and version are recorded with every session.
 */
public record ClinicProtocol(String name, String version, PreDoseGate preDoseGate, AlarmThresholds alarms,
                             AlarmDelays delays, Escalation escalation, NibpCadence nibpCadence,
                             Supervision supervision, DoseReconciliation doseReconciliation,
                             DrugLibrary drugLibrary, WorkflowSettings workflow, PumpInterlock pumpInterlock,
                             NurseReview nurseReview) {

    /** The classpath resource holding the defaults of docs/DOMAIN.md. */
    public static final String DEFAULT_RESOURCE = "clinic-protocol.yml";

    public ProtocolRef ref() {
        return new ProtocolRef(name, version);
    }

    /** The rules a session's workflow adopts at check-in, so that they stay with the session. */
    public WorkflowRules workflowRules() {
        WorkflowSettings.Checkpoints checkpoints = workflow.checkpoints();
        WorkflowSettings.Discharge discharge = workflow.discharge();
        return new WorkflowRules(new PreDoseLimits(preDoseGate.systolicAbove(), preDoseGate.olderFromAge(),
                preDoseGate.olderSystolicAbove(), preDoseGate.diastolicAbove()),
                workflow.observation().esketamineFromFirstDevice(), workflow.observation().ivAfterInfusionEnd(),
                workflow.esketamineDevices().spacing(), workflow.esketamineDevices().maximum(),
                checkpoints.midObservation(), checkpoints.midObservationWindow(), checkpoints.beforeDischargeWindow(),
                discharge.bloodPressureWithinOfBaseline(), discharge.spo2AtLeast(), discharge.aldreteAtLeast(),
                discharge.readingsWithin());
    }

    /** Loads the protocol shipped with Vigil, whose values are the defaults of docs/DOMAIN.md. */
    public static ClinicProtocol loadDefault() {
        return ClinicProtocolLoader.loadResource(DEFAULT_RESOURCE);
    }
}
