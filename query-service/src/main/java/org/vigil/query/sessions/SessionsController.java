package org.vigil.query.sessions;

import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.core.api.AlarmRecordView;
import org.vigil.core.api.ChairView;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionSummary;
import org.vigil.core.api.SessionView;
import org.vigil.query.chairs.ChairReplay;

/**
 * Sessions: the list, one session now and its alarm records, from the persisted read models (a few seconds behind
 * the store under load); the session's chair as the station showed it at a moment, replayed from the record
 * ({@link ChairReplay}).
 */
@RestController
class SessionsController {

    private final SessionsProjection sessions;
    private final AlarmRecords alarms;
    private final ChairReplay replay;

    SessionsController(SessionsProjection sessions, AlarmRecords alarms, ChairReplay replay) {
        this.sessions = sessions;
        this.alarms = alarms;
        this.replay = replay;
    }

    @GetMapping("/api/sessions")
    List<SessionSummary> sessions() {
        return sessions.all();
    }

    @GetMapping("/api/sessions/{id}")
    SessionView session(@PathVariable String id) {
        SessionId session = new SessionId(id);
        return sessions.find(session)
                .map(found -> new SessionView(found.summary(), found.observationMessages(), found.vitals(),
                        alarms.views(session)))
                .orElseThrow(() -> notFound(id));
    }

    /** {@code GET /api/sessions/{id}/alarms}: every alarm of a session with who responded and how fast. */
    @GetMapping("/api/sessions/{id}/alarms")
    List<AlarmRecordView> alarms(@PathVariable String id) {
        return alarms.of(new SessionId(id)).orElseThrow(() -> notFound(id));
    }

    /**
     * {@code GET /api/sessions/{id}/timeline?at=}: the session's chair tile exactly as {@code GET /api/chairs} showed
     * it at that moment; 404 when the session is unknown or had not started by then.
     */
    @GetMapping("/api/sessions/{id}/timeline")
    ChairView timeline(@PathVariable String id,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        return replay.at(new SessionId(id), at).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no session " + id + " running at " + at));
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no session " + id);
    }
}
