package org.vigil.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records one alarm message of a device (IHE PCD-04) in the session running at the device's chair. */
public record RecordAlarmReportCommand(@TargetAggregateIdentifier SessionId sessionId, DeviceAlarmReport report) {
}
