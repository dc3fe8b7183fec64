package org.vigil.query.alarms;

import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.core.api.AcknowledgeAlarmCommand;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmView;
import org.vigil.core.api.OverrideSoftLimitCommand;
import org.vigil.core.api.ResolveAlarmCommand;
import org.vigil.core.session.ResolveNotAllowedException;
import org.vigil.query.chairs.ChairsProjection;

/**
 * {@code POST /api/alarms/{alarmId}/ack}: a named user acknowledges an active alarm. The acknowledgement is an
 * event with who and when (docs/DESIGN.md, principle 5): the authenticated user.
 */
@RestController
class AlarmsController {

    private final ChairsProjection chairs;
    private final CommandGateway commands;
    private final Clock clock;

    AlarmsController(ChairsProjection chairs, CommandGateway commands, Clock clock) {
        this.chairs = chairs;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/alarms/{alarmId}/ack")
    AlarmView acknowledge(@PathVariable String alarmId, Principal principal) {
        String user = principal.getName();
        AlarmId id = new AlarmId(alarmId);
        AlarmView alarm = chairs.activeAlarm(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no active alarm " + alarmId));
        commands.sendAndWait(new AcknowledgeAlarmCommand(alarm.sessionId(), id, user, clock.instant()));
        return chairs.activeAlarm(id).orElse(alarm);
    }

    record OverrideRequest(String reason) {
    }

    record ResolveRequest(String reason) {
    }

    /**
     * {@code POST /api/alarms/{alarmId}/resolve}: a technical alarm whose cause the user fixed, with a reason, kept
     * with who resolved it. Physiological alarms, device offline and a stale blood pressure cannot be resolved by
     * hand (409).
     */
    @PostMapping("/api/alarms/{alarmId}/resolve")
    void resolve(@PathVariable String alarmId, @RequestBody ResolveRequest body, Principal principal) {
        AlarmId id = new AlarmId(alarmId);
        AlarmView alarm = chairs.activeAlarm(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no active alarm " + alarmId));
        commands.sendAndWait(new ResolveAlarmCommand(alarm.sessionId(), id, principal.getName(),
                body == null ? null : body.reason(), clock.instant()));
    }

    /** An alarm that cannot be resolved by hand is a conflict with its state, answered with the domain's reason. */
    @ExceptionHandler(ResolveNotAllowedException.class)
    ResponseEntity<Map<String, String>> notResolvable(ResolveNotAllowedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Map.of("error", HttpStatus.CONFLICT.getReasonPhrase(), "reason", e.getMessage()));
    }

    /**
     * {@code POST /api/alarms/{alarmId}/override}: a drug-library soft-limit advisory accepted with a reason, kept
     * with who gave it. Hard limits and other alarms cannot be overridden (409).
     */
    @PostMapping("/api/alarms/{alarmId}/override")
    void override(@PathVariable String alarmId, @RequestBody OverrideRequest body, Principal principal) {
        AlarmId id = new AlarmId(alarmId);
        AlarmView alarm = chairs.activeAlarm(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no active alarm " + alarmId));
        commands.sendAndWait(new OverrideSoftLimitCommand(alarm.sessionId(), id, principal.getName(),
                body.reason(), clock.instant()));
    }
}
