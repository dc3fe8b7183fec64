package org.vigil.core.api;

import java.time.Instant;

/** What a chair tile says about the patient in the chair. */
public record SessionSummary(SessionId sessionId, ChairId chairId, String patientPseudonym, double weightKg,
                             int ageYears, Treatment treatment, BaselineVitals baseline, ProtocolRef protocol,
                             Instant startedAt, Instant endedAt) {

    /** The session as it is when it starts, still running. */
    public static SessionSummary started(SessionStartedEvent event) {
        return new SessionSummary(event.sessionId(), event.chairId(), event.patientPseudonym(), event.weightKg(),
                event.ageYears(), event.treatment(), event.baseline(), event.protocol(), event.startedAt(), null);
    }

    /** This session after it ended at {@code at}. */
    public SessionSummary ended(Instant at) {
        return new SessionSummary(sessionId, chairId, patientPseudonym, weightKg, ageYears, treatment, baseline,
                protocol, startedAt, at);
    }

    /**
     * This session once its pre-assessment is recorded: the weight the dose is computed from and the baseline the
     * relative rules compare with, which replace what the booking said.
     */
    public SessionSummary assessed(double assessedWeightKg, BaselineVitals assessedBaseline) {
        return new SessionSummary(sessionId, chairId, patientPseudonym, assessedWeightKg, ageYears, treatment,
                assessedBaseline, protocol, startedAt, endedAt);
    }

    public boolean active() {
        return endedAt == null;
    }
}
