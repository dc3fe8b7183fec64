package org.vigil.core.api;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The session's infusion was prescribed, with what the patient's weight makes of it: the dose to give, the volume
 * to be infused and the rate a pump must be programmed with.
 *
 * @param weightKg              the session's weight the dose was computed with
 * @param expectedDoseMg        mg/kg × weight
 * @param vtbiMl                expected dose / concentration
 * @param expectedRateMlPerHour volume to be infused / duration in hours
 */
@Revision("1")
public record InfusionPrescribedEvent(SessionId sessionId, ChairId chairId, String drug, double mgPerKg,
                                      Duration duration, double concentrationMgPerMl, double weightKg,
                                      double expectedDoseMg, double vtbiMl, double expectedRateMlPerHour,
                                      String prescribedBy, Instant at) {
}
