package org.vigil.core.api;

import java.time.Instant;

/** What a chair tile says about the patient in the chair. */
public record SessionSummary(SessionId sessionId, ChairId chairId, String patientPseudonym, double weightKg,
                             int ageYears, Treatment treatment, BaselineVitals baseline, ProtocolRef protocol,
                             Instant startedAt, Instant endedAt) {

    public boolean active() {
        return endedAt == null;
    }
}
