package org.vigil.core.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The pre-dose gate passed or holds, with the blood pressure it judged, where that came from
 * ({@code entered}, {@code monitor} or {@code pre-assessment}) and why it holds.
 */
@Revision("1")
public record GateEvaluatedEvent(SessionId sessionId, ChairId chairId, GateOutcome outcome, int systolic,
                                 int diastolic, String source, List<String> reasons, String user, Instant at)
        implements WorkflowEvent {
}
