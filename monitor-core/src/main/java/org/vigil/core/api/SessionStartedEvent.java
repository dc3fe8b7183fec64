package org.vigil.core.api;

import java.time.Instant;

/** A session began at a chair, under the named clinic protocol. */
public record SessionStartedEvent(SessionId sessionId, ChairId chairId, String patientPseudonym, double weightKg,
                                  int ageYears, Treatment treatment, BaselineVitals baseline, ProtocolRef protocol,
                                  Instant startedAt) {
}
