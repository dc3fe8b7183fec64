package org.vigil.core.alarm;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.EndAlarmConditionCommand;
import org.vigil.core.api.PumpPauseFailedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.PumpStatusChangedEvent;
import org.vigil.core.api.RaiseAlarmCommand;
import org.vigil.core.api.SessionEndedEvent;

/**
 * Decides the HIGH technical alarm "pump did not pause" ({@value #RULE}): raised when the pump interlock records
 * that a pump did not show its pause, its condition ended when that pump is next seen not infusing (docs/DOMAIN.md,
 * "Pump interlock"). Like the other decision handlers it belongs to the subscribing processor
 * {@value AlarmDecisions#PROCESSING_GROUP} and never decides on a replay. It remembers the alarms it raised only
 * while the application runs: after a restart such an alarm stays until a nurse's action ends it or the session
 * ends.
 */
@ProcessingGroup(AlarmDecisions.PROCESSING_GROUP)
public class PumpInterlockAlarms {

    /** The stable rule name of the alarm. */
    public static final String RULE = "pump-did-not-pause";

    private final CommandGateway commands;
    /** {@code session/device} to the alarm raised for it, once committed. */
    private final Map<String, AlarmId> raised = new ConcurrentHashMap<>();
    private final String foldResource = "vigil.pump-interlock-alarms." + System.identityHashCode(this);

    public PumpInterlockAlarms(CommandGateway commands) {
        this.commands = Objects.requireNonNull(commands, "command gateway");
    }

    @EventHandler
    void on(PumpPauseFailedEvent event) {
        AlarmId alarm = AlarmId.random();
        commands.sendAndWait(new RaiseAlarmCommand(event.sessionId(), alarm, RULE, AlarmPriority.HIGH,
                AlarmKind.TECHNICAL, event.deviceId().value() + " did not pause: " + event.reason(), null,
                event.failedAt(), event.failedAt()));
        String key = key(event.sessionId().value(), event.deviceId().value());
        UnitsOfWork.afterCommit(foldResource + ".raised", key, k -> raised.put(k, alarm));
    }

    @EventHandler
    void on(PumpStatusChangedEvent event) {
        if (event.to() == PumpStatus.INFUSING || event.sessionId() == null) {
            return;
        }
        AlarmId alarm = raised.get(key(event.sessionId().value(), event.deviceId().value()));
        if (alarm != null) {
            Instant at = event.receivedAt();
            commands.sendAndWait(new EndAlarmConditionCommand(event.sessionId(), alarm, at));
            UnitsOfWork.afterCommit(foldResource + ".ended",
                    key(event.sessionId().value(), event.deviceId().value()), raised::remove);
        }
    }

    @EventHandler
    void on(SessionEndedEvent event) {
        String prefix = event.sessionId().value() + "/";
        UnitsOfWork.afterCommit(foldResource + ".session", prefix,
                ended -> raised.keySet().removeIf(k -> k.startsWith(ended)));
    }

    private static String key(String session, String device) {
        return session + "/" + device;
    }
}
