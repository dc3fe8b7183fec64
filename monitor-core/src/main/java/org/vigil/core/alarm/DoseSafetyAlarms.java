package org.vigil.core.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.vigil.core.api.InfusionPrescribedEvent;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SoftLimitOverriddenEvent;
import org.vigil.core.protocol.ClinicProtocol;

/**
 * Decides the alarms about an infusion: the dose-safety rules ({@link DoseSafetyRules}: dose mismatch, drug-library
 * soft and hard limits) and the pump's own alarms ({@link PumpAlarmRules}), and records each change of decision as
 * a command to the session, whose events are the stored decisions (docs/DESIGN.md, principle 1).
 *
 * <p>It decides once per pump message, when the message is recorded, so a wrong programme sounds on the first
 * message that shows it; and once per prescription, so a pump programmed before the prescription is checked
 * against it. Like {@link VitalSignAlarms} it belongs to the subscribing processor
 * {@value AlarmDecisions#PROCESSING_GROUP}: it decides in the publishing thread and never on a replay, and after
 * a restart it rebuilds a session from its stored events without deciding ({@link SessionFolds}).
 */
@ProcessingGroup(AlarmDecisions.PROCESSING_GROUP)
public class DoseSafetyAlarms extends FoldingDecider<SessionFolds<InfusionWatch>> {

    private final AlarmCommands commands;
    private final ClinicProtocol protocol;

    public DoseSafetyAlarms(CommandGateway commandGateway, EventStore eventStore, ClinicProtocol protocol,
                            Clock clock) {
        super(new SessionFolds<>(Objects.requireNonNull(eventStore, "event store"), InfusionWatch::started));
        this.commands = new AlarmCommands(commandGateway, clock);
        this.protocol = Objects.requireNonNull(protocol, "clinic protocol");
    }

    @EventHandler
    void on(SessionStartedEvent event, @SequenceNumber Long sequence) {
        sessions.fold(event.sessionId(), event, sequence);
    }

    @EventHandler
    void on(InfusionPrescribedEvent event, @SequenceNumber Long sequence) {
        InfusionWatch watch = sessions.fold(event.sessionId(), event, sequence);
        if (watch != null) {
            decide(event.sessionId(), watch, event.at());
        }
    }

    @EventHandler
    void on(PumpReportRecordedEvent event, @SequenceNumber Long sequence) {
        if (event.sessionId() == null) {
            return;
        }
        InfusionWatch watch = sessions.fold(event.sessionId(), event, sequence);
        if (watch != null) {
            decide(event.sessionId(), watch, event.report().receivedAt());
        }
    }

    @EventHandler
    void on(SoftLimitOverriddenEvent event, @SequenceNumber Long sequence) {
        sessions.fold(event.sessionId(), event, sequence);
    }

    private void decide(SessionId sessionId, InfusionWatch watch, Instant conditionStartedAt) {
        Infusion infusion = watch.infusion();
        var limits = watch.limits(protocol.drugLibrary());
        Map<String, RuleDecision> decisions = new LinkedHashMap<>();
        decisions.put(DoseSafetyRules.DOSE_MISMATCH, DoseSafetyRules.doseMismatch(watch.prescription(), infusion,
                protocol.doseReconciliation().tolerance()));
        decisions.put(DoseSafetyRules.HARD_LIMIT, DoseSafetyRules.hardLimit(infusion, limits));
        decisions.put(DoseSafetyRules.SOFT_LIMIT, DoseSafetyRules.softLimit(infusion, limits,
                watch.softLimitOverridden()));
        var pumpAlarms = watch.pumpAlarms();
        for (String rule : PumpAlarmRules.NAMES) {
            decisions.put(rule, PumpAlarmRules.decide(rule, pumpAlarms));
        }
        decisions.forEach((rule, decision) -> {
            for (AlarmChange change : watch.alarms().changesFor(rule, decision)) {
                commands.record(sessionId, change, conditionStartedAt);
            }
        });
    }
}
