package org.vigil.query.sessions;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SessionSummary;
import org.vigil.query.chairs.ChairsProjection;
import org.vigil.query.support.AfterCommit;

/** The list of sessions, newest first. */
@Component
@ProcessingGroup(ChairsProjection.GROUP)
public class SessionsProjection {

    private final Map<SessionId, SessionSummary> sessions = new ConcurrentHashMap<>();

    public List<SessionSummary> all() {
        return sessions.values().stream()
                .sorted(Comparator.comparing(SessionSummary::startedAt).reversed())
                .toList();
    }

    public boolean exists(SessionId id) {
        return sessions.containsKey(id);
    }

    @EventHandler
    public void on(SessionStartedEvent e) {
        AfterCommit.run(() -> sessions.put(e.sessionId(), new SessionSummary(e.sessionId(), e.chairId(),
                e.patientPseudonym(), e.weightKg(), e.ageYears(), e.treatment(), e.baseline(), e.protocol(),
                e.startedAt(), null)));
    }

    @EventHandler
    public void on(SessionEndedEvent e) {
        AfterCommit.run(() -> sessions.computeIfPresent(e.sessionId(), (id, s) -> new SessionSummary(s.sessionId(),
                s.chairId(), s.patientPseudonym(), s.weightKg(), s.ageYears(), s.treatment(), s.baseline(),
                s.protocol(), s.startedAt(), e.endedAt())));
    }
}
