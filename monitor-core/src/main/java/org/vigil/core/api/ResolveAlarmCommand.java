package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A named user ends a technical alarm because they fixed its cause (re-seated a cuff, cleared a pump), with a
 * reason. Only technical alarms whose condition is checked again on the device's next message can be resolved;
 * a physiological alarm ends with the patient's values and an acknowledgement.
 */
public record ResolveAlarmCommand(@TargetAggregateIdentifier SessionId sessionId, AlarmId alarmId, String user,
                                  String reason, Instant at) {
}
