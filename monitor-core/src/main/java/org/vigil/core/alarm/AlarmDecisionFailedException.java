package org.vigil.core.alarm;

import java.util.Optional;
import org.vigil.core.api.SessionId;

/**
 * A decision handler of {@value AlarmDecisions#PROCESSING_GROUP} failed on an event: a rule or a fold threw. It
 * fails the unit of work that published the event, so nothing of it is stored and the device that sent the message
 * is told so ({@link AlarmDecisionErrors}).
 */
public class AlarmDecisionFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SessionId session;

    public AlarmDecisionFailedException(SessionId session, String event, Throwable cause) {
        super("alarm decisions failed on " + event + (session == null ? "" : " of session " + session) + ": "
                + cause, cause);
        this.session = session;
    }

    /** The session whose event could not be decided on, when the event was one of a session's. */
    public Optional<SessionId> session() {
        return Optional.ofNullable(session);
    }
}
