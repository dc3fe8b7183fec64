package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A named user overrides a drug-library soft-limit advisory with a reason (docs/DOMAIN.md, "Infusion pumps": soft
 * limits can be overridden with a logged reason, hard limits cannot). Rejected for any other alarm.
 */
public record OverrideSoftLimitCommand(@TargetAggregateIdentifier SessionId sessionId, AlarmId alarmId, String user,
                                       String reason, Instant at) {
}
