package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An alarm decision handler's decision that an alarm's condition no longer holds. A latching alarm stays active
 * until acknowledged; any other alarm clears.
 */
public record EndAlarmConditionCommand(@TargetAggregateIdentifier SessionId sessionId, AlarmId alarmId,
                                       Instant at) {
}
