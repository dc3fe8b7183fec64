package org.vigil.core.api;

import org.axonframework.serialization.Revision;

/**
 * One pump message as the pump sent it: one event per message (docs/DESIGN.md, principle 2). What changed in the
 * session because of it follows as {@link InfusionProgrammedEvent} and {@link PumpStatusChangedEvent}; the dose
 * delivered is computed from these events, not stored.
 *
 * @param sessionId the session it belongs to, or {@code null} when the pump had no session
 * @param chairId   the chair the pump is configured for, or {@code null} when no one configured it
 */
@Revision("1")
public record PumpReportRecordedEvent(SessionId sessionId, ChairId chairId, PumpReport report) {
}
