package org.vigil.core.api;

import java.time.Instant;
import java.util.List;

/**
 * One session in a patient's series: when, what, the dose, the highest blood pressures, and the outcome scores
 * entered for it.
 *
 * @param prescribedMg the prescription's dose, {@code null} without one (esketamine: the devices are the dose)
 * @param deliveredMg  what the pumps delivered, or 28 mg per esketamine device
 */
public record PatientSessionView(SessionId sessionId, Instant startedAt, Treatment treatment, Double prescribedMg,
                                 double deliveredMg, Integer peakSystolic, Instant peakSystolicAt,
                                 Integer peakDiastolic, Instant peakDiastolicAt,
                                 List<OutcomeScoreRecordedEvent> scores) {
}
