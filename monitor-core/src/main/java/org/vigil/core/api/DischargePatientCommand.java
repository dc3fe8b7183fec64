package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Discharges the patient. With unmet criteria only a provider may, with {@code overrideReason}. */
public record DischargePatientCommand(@TargetAggregateIdentifier SessionId sessionId, String overrideReason,
                                      String user, Instant at) {
}
