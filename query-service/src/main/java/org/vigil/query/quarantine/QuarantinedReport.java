package org.vigil.query.quarantine;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.vigil.core.api.DeviceReportQuarantinedEvent;
import org.vigil.core.api.QuarantineDeviceReportCommand;

/**
 * One quarantined device message, in a stream of its own ({@code quarantine-<uuid>}): no session's or device's
 * stream ever holds it, and storing it never waits for another one.
 */
@Aggregate
class QuarantinedReport {

    @AggregateIdentifier
    private String quarantineId;

    protected QuarantinedReport() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(QuarantineDeviceReportCommand command) {
        apply(new DeviceReportQuarantinedEvent(command.quarantineId(), command.sender(), command.deviceId(),
                command.sourceAddress(), command.controlId(), command.reason(), command.refused(),
                command.receivedAt()));
    }

    @EventSourcingHandler
    void on(DeviceReportQuarantinedEvent event) {
        quarantineId = event.quarantineId();
    }
}
