package org.vigil.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records one pump message in the session running at the pump's chair. Answers {@code true} when recorded,
 * {@code false} for a resend of a message already recorded (same {@link MessageKey}).
 */
public record RecordPumpReportCommand(@TargetAggregateIdentifier SessionId sessionId, PumpReport report) {
}
