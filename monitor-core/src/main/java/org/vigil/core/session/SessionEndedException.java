package org.vigil.core.session;

import org.vigil.core.api.SessionId;

/** A command that needs a running session reached one that has ended. */
public class SessionEndedException extends IllegalStateException {

    public SessionEndedException(SessionId sessionId, String what) {
        super("session " + sessionId + " has ended: cannot " + what);
    }
}
