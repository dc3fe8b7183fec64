package org.vigil.query.alarms;

import java.security.Principal;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.core.api.AudioPauseView;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.PauseAudioCommand;
import org.vigil.core.api.SessionId;
import org.vigil.query.chairs.ChairsProjection;

/**
 * {@code POST /api/chairs/{chairId}/audio-pause}: the authenticated user pauses the alarm sounds of the chair's
 * session for two minutes (IEC 60601-1-8 audio paused); {@code GET} the same path shows the latest pause, whose
 * {@code until} a screen counts down to.
 */
@RestController
class AudioPauseController {

    private final ChairsProjection chairs;
    private final AudioPauses pauses;
    private final CommandGateway commands;
    private final Clock clock;

    AudioPauseController(ChairsProjection chairs, AudioPauses pauses, CommandGateway commands, Clock clock) {
        this.chairs = chairs;
        this.pauses = pauses;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/chairs/{chairId}/audio-pause")
    AudioPauseView pause(@PathVariable String chairId, Principal principal) {
        SessionId session = sessionAt(chairId);
        commands.sendAndWait(new PauseAudioCommand(session, principal.getName(), clock.instant()));
        return latest(chairId, session);
    }

    @GetMapping("/api/chairs/{chairId}/audio-pause")
    AudioPauseView pause(@PathVariable String chairId) {
        return latest(chairId, sessionAt(chairId));
    }

    private SessionId sessionAt(String chairId) {
        return chairs.activeSession(new ChairId(chairId)).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no session at chair " + chairId));
    }

    private AudioPauseView latest(String chairId, SessionId session) {
        return pauses.of(session).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "the alarm sounds of chair " + chairId
                        + " were not paused in this session"));
    }
}
