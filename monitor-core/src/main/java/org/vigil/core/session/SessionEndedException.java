package org.vigil.core.session;

import org.vigil.core.api.SessionId;

/** A command that needs a running session reached one that has ended. */
public class SessionEndedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public SessionEndedException(SessionId sessionId, String what) {
        super("session " + sessionId + " has ended: cannot " + what);
    }
}
