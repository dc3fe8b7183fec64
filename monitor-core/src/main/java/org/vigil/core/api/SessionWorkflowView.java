package org.vigil.core.api;

import java.time.Instant;
import java.util.List;

/**
 * Where a session stands in the clinic's workflow and what may happen next.
 *
 * @param resumesTo        the state an escalation returns to when resolved, {@code null} unless escalated
 * @param gateOutcome      {@code null} before the gate was evaluated
 * @param gateReasons      why the gate holds (or held, when overridden)
 * @param gateOverriddenBy the provider who overrode a hold, {@code null} if none did
 * @param dosingEndedAt    when the infusion ended or dosing was declared finished
 * @param observeUntil     the earliest discharge assessment, {@code null} while unknown
 * @param allowedNextSteps what the session's state allows now
 */
public record SessionWorkflowView(SessionId sessionId, ChairId chairId, Treatment treatment, SessionState state,
                                  SessionState resumesTo, GateOutcome gateOutcome, List<String> gateReasons,
                                  String gateOverriddenBy, Instant doseStartedAt, List<Instant> esketamineDevices,
                                  Instant dosingEndedAt, Instant observeUntil, List<CheckpointView> checkpoints,
                                  Boolean dischargeCriteriaMet, List<String> unmetDischargeCriteria,
                                  List<WorkflowNote> notes, List<String> allowedNextSteps) {
}
