package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A named user overrode a drug-library soft-limit advisory, and why. The advisory clears with it, and stays
 * silent while the pump keeps the programme that was overridden.
 */
@Revision("1")
public record SoftLimitOverriddenEvent(AlarmId alarmId, SessionId sessionId, ChairId chairId, String rule,
                                       String user, String reason, Instant at) {
}
