package org.vigil.core.api;

import java.time.Instant;

/**
 * One field of a REMS Patient Monitoring Form.
 *
 * @param value       the field's answer in words, {@code null} when missing
 * @param at          the clinical moment the answer is of (a blood pressure's time, the monitoring end), if any
 * @param source      {@code record} when derived from the session's events, {@code completed} when a director
 *                    entered it, {@code null} when missing
 * @param completedBy the director who entered it, {@code null} unless completed
 * @param completedAt when the director entered it, {@code null} unless completed
 * @param missing     the form cannot be sent without it
 * @param note        what a reader of the form must know about the answer, or why it is missing
 */
public record RemsFieldView(RemsItem item, String label, String value, Instant at, String source,
                           String completedBy, Instant completedAt, boolean missing, String note) {
}
