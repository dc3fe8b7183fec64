package org.vigil.core.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The discharge criteria were judged: the readings used, and each criterion not met. */
@Revision("1")
public record DischargeAssessedEvent(SessionId sessionId, ChairId chairId, boolean criteriaMet,
                                     List<String> unmetCriteria, Integer systolic, Integer diastolic, Double spo2,
                                     Integer aldreteScore, String user, Instant at) implements WorkflowEvent {
}
