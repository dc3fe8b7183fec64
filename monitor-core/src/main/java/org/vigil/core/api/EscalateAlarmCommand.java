package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The decision that an alarm nobody acknowledged in time goes to the next person (secondary notification,
 * IHE PCD ACM; docs/DOMAIN.md, "Alarm behaviour"). An alarm already acknowledged, cleared or escalated is left as it is.
 *
 * @param to who is notified, for example {@code charge nurse / provider}
 */
public record EscalateAlarmCommand(@TargetAggregateIdentifier SessionId sessionId, AlarmId alarmId, String to,
                                   Instant at) {
}
