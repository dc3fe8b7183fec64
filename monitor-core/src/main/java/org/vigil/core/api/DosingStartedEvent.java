package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Dosing began: the IV infusion started, or the first esketamine device was given.
 *
 * @param user   who started it, {@code null} when the pump showed it
 * @param device the pump that showed it, {@code null} when a user recorded it
 */
@Revision("1")
public record DosingStartedEvent(SessionId sessionId, ChairId chairId, Treatment treatment, String user,
                                 DeviceId device, Instant at) implements WorkflowEvent {
}
