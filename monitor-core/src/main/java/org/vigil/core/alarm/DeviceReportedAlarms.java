package org.vigil.core.alarm;

import java.time.Clock;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceAlarmReportedEvent;
import org.vigil.core.api.SessionStartedEvent;

/**
 * Turns a device's own alarms (IHE PCD-04 {@code ORU^R40}, from monitors and pumps) into alarms on the chair
 * ({@link DeviceAlarmRule}), recording each decision as a command to the session. Like {@link VitalSignAlarms} it
 * belongs to the subscribing processor {@value AlarmDecisions#PROCESSING_GROUP}: it decides when the alarm message
 * is recorded, never on a replay, and rebuilds a session from its stored events after a restart without deciding.
 */
@ProcessingGroup(AlarmDecisions.PROCESSING_GROUP)
public class DeviceReportedAlarms extends FoldingDecider<SessionFolds<OpenDeviceAlarms>> {

    private final AlarmCommands commands;

    public DeviceReportedAlarms(CommandGateway commandGateway, EventStore eventStore, Clock clock) {
        super(new SessionFolds<>(Objects.requireNonNull(eventStore, "event store"), OpenDeviceAlarms::started));
        this.commands = new AlarmCommands(commandGateway, clock);
    }

    @EventHandler
    void on(SessionStartedEvent event, @SequenceNumber Long sequence) {
        sessions.fold(event.sessionId(), event, sequence);
    }

    @EventHandler
    void on(DeviceAlarmReportedEvent event, @SequenceNumber Long sequence) {
        if (event.sessionId() == null) {
            return;
        }
        OpenDeviceAlarms open = sessions.fold(event.sessionId(), event, sequence);
        if (open == null) {
            return;
        }
        DeviceAlarmReport report = event.report();
        String rule = DeviceAlarmRule.ruleFor(report);
        RuleDecision decision = DeviceAlarmRule.decide(open.open(rule));
        for (AlarmChange change : open.alarms().changesFor(rule, decision)) {
            commands.record(event.sessionId(), change, report.receivedAt());
        }
    }
}
