package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A session began at a chair, under the named clinic protocol. */
@Revision("1")
public record SessionStartedEvent(SessionId sessionId, ChairId chairId, String patientPseudonym, double weightKg,
                                  int ageYears, Treatment treatment, BaselineVitals baseline, ProtocolRef protocol,
                                  Instant startedAt) {
}
