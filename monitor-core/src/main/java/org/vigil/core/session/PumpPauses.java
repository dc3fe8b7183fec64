package org.vigil.core.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.vigil.core.session.CommandChecks.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.LinkedHashMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.ConfirmPumpPauseCommand;
import org.vigil.core.api.FailPumpPauseCommand;
import org.vigil.core.api.PumpPauseConfirmedEvent;
import org.vigil.core.api.PumpPauseFailedEvent;
import org.vigil.core.api.PumpPauseRequestedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.RequestPumpPauseCommand;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;

/**
 * The pump interlock's pauses of the session's pumps (docs/DOMAIN.md, "Pump interlock"), part of the {@link Session}:
 * one pause at a time per pump, requested for an alarm, then confirmed from the pump's status or failed. A
 * confirmation or failure with no pause outstanding records nothing, so a late status or a late timeout cannot
 * answer a pause twice.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class PumpPauses {

    private SessionId sessionId;
    private ChairId chairId;
    private boolean ended;
    /** Device id to the alarm that caused its outstanding pause. */
    private LinkedHashMap<String, AlarmId> outstanding = new LinkedHashMap<>();

    PumpPauses() {
    }

    @CommandHandler
    void handle(RequestPumpPauseCommand command) {
        CommandChecks.requireRunning(ended, sessionId, "pause a pump");
        requireNonNull(command.deviceId(), "the pump");
        requireNonNull(command.alarmId(), "the alarm that causes the pause");
        requireNonNull(command.at(), "the time of the request");
        if (outstanding.containsKey(command.deviceId().value())) {
            return;
        }
        apply(new PumpPauseRequestedEvent(sessionId, chairId, command.deviceId(), command.alarmId(), command.rule(),
                command.at()));
    }

    @CommandHandler
    void handle(ConfirmPumpPauseCommand command) {
        requireNonNull(command.deviceId(), "the pump");
        if (command.status() != PumpStatus.PAUSED && command.status() != PumpStatus.STOPPED) {
            throw new IllegalArgumentException("a pause is confirmed by a PAUSED or STOPPED pump, got "
                    + command.status());
        }
        AlarmId alarm = outstanding.get(command.deviceId().value());
        if (alarm != null) {
            apply(new PumpPauseConfirmedEvent(sessionId, chairId, command.deviceId(), alarm, command.status(),
                    command.deviceTime(), command.at()));
        }
    }

    @CommandHandler
    void handle(FailPumpPauseCommand command) {
        requireNonNull(command.deviceId(), "the pump");
        AlarmId alarm = outstanding.get(command.deviceId().value());
        if (alarm != null) {
            apply(new PumpPauseFailedEvent(sessionId, chairId, command.deviceId(), alarm, command.reason(),
                    command.at()));
        }
    }

    @EventSourcingHandler
    void on(SessionStartedEvent event) {
        sessionId = event.sessionId();
        chairId = event.chairId();
    }

    @EventSourcingHandler
    void on(PumpPauseRequestedEvent event) {
        outstanding.put(event.deviceId().value(), event.alarmId());
    }

    @EventSourcingHandler
    void on(PumpPauseConfirmedEvent event) {
        outstanding.remove(event.deviceId().value());
    }

    @EventSourcingHandler
    void on(PumpPauseFailedEvent event) {
        outstanding.remove(event.deviceId().value());
    }

    @EventSourcingHandler
    void on(SessionEndedEvent event) {
        ended = true;
    }
}
