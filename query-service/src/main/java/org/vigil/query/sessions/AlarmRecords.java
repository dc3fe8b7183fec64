package org.vigil.query.sessions;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.vigil.core.api.AlarmRecordView;
import org.vigil.core.api.AlarmView;
import org.vigil.core.api.SessionId;

/** The alarms of one session as the alarm records read model holds them, in the order they were raised. */
@Component
public class AlarmRecords {

    private final EntityManager entityManager;
    private final SessionsProjection sessions;

    AlarmRecords(EntityManager entityManager, SessionsProjection sessions) {
        this.entityManager = entityManager;
        this.sessions = sessions;
    }

    /** Who responded to each alarm and how fast; empty when the session is unknown. */
    public Optional<List<AlarmRecordView>> of(SessionId session) {
        if (!sessions.exists(session)) {
            return Optional.empty();
        }
        return Optional.of(rows(session).stream().map(AlarmRecordRow::record).toList());
    }

    /** The alarms as a nurse's screen shows them. */
    List<AlarmView> views(SessionId session) {
        return rows(session).stream().map(AlarmRecordRow::view).toList();
    }

    private List<AlarmRecordRow> rows(SessionId session) {
        return entityManager.createQuery("select a from AlarmRecordRow a where a.sessionId = :session"
                        + " order by a.raisedSequence", AlarmRecordRow.class)
                .setParameter("session", session.value())
                .getResultList();
    }
}
