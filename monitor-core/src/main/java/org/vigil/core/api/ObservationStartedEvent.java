package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Dosing ended and observation began; discharge may be assessed from {@code observeUntil} (esketamine: 2 h from
 * the first device; IV: by default 60 min after the infusion ended).
 *
 * @param user   who recorded it, {@code null} when the pump showed the infusion complete
 * @param device the pump that showed it, {@code null} when a user recorded it
 */
@Revision("1")
public record ObservationStartedEvent(SessionId sessionId, ChairId chairId, Instant dosingEndedAt,
                                      Instant observeUntil, String user, DeviceId device, Instant at)
        implements WorkflowEvent {
}
