package org.vigil.core.api;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The session's infusion is prescribed: a weight-based dose of a drug over a duration, at the concentration the
 * pharmacy prepared (docs/DOMAIN.md, "The treatment": 0.5 mg/kg over 40 min is the standard ketamine dose). A later
 * prescription replaces the earlier one.
 *
 * @param mgPerKg              dose per kg of the patient's weight for the session
 * @param concentrationMgPerMl concentration of the prepared drug, mg/mL
 * @param prescribedBy         who prescribed it
 */
public record PrescribeInfusionCommand(@TargetAggregateIdentifier SessionId sessionId, String drug, double mgPerKg,
                                       Duration duration, double concentrationMgPerMl, String prescribedBy,
                                       Instant at) {
}
