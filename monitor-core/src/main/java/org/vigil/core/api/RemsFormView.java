package org.vigil.core.api;

import java.time.Instant;
import java.util.List;

/**
 * A session's esketamine REMS Patient Monitoring Form as its events and a director's completions fill it
 * (docs/DOMAIN.md, "The esketamine REMS Patient Monitoring Form").
 *
 * @param sendBy   the latest day to send it: 7 days after the treatment, {@code null} before dosing
 * @param missing  the fields still to complete
 * @param complete every field has an answer
 */
public record RemsFormView(SessionId sessionId, String patientPseudonym, ChairId chairId, Instant sendBy,
                           List<RemsFieldView> fields, List<RemsItem> missing, boolean complete) {
}
