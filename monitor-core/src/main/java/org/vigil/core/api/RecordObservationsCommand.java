package org.vigil.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records one device message in the session running at the device's chair. */
public record RecordObservationsCommand(@TargetAggregateIdentifier SessionId sessionId,
                                        DeviceObservations observations) {
}
