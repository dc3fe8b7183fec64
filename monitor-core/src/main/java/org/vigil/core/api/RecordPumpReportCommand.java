package org.vigil.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records one pump message in the session running at the pump's chair. */
public record RecordPumpReportCommand(@TargetAggregateIdentifier SessionId sessionId, PumpReport report) {
}
