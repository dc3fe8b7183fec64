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
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionSummary;
import org.vigil.core.api.SessionView;

/** Sessions: the list, one session now, and one session as it stood at a moment (replay). */
@RestController
class SessionsController {

    private final SessionsProjection sessions;
    private final SessionHistory history;

    SessionsController(SessionsProjection sessions, SessionHistory history) {
        this.sessions = sessions;
        this.history = history;
    }

    @GetMapping("/api/sessions")
    List<SessionSummary> sessions() {
        return sessions.all();
    }

    @GetMapping("/api/sessions/{id}")
    SessionView session(@PathVariable String id) {
        return find(id, null);
    }

    @GetMapping("/api/sessions/{id}/timeline")
    SessionView timeline(@PathVariable String id,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        return find(id, at);
    }

    private SessionView find(String id, Instant at) {
        return history.at(new SessionId(id), at)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no session " + id));
    }
}
