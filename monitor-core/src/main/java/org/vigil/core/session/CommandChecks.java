package org.vigil.core.session;

import org.vigil.core.api.SessionId;

/** The checks of a command's values that the session and its members share; each refusal names what is missing. */
final class CommandChecks {

    private CommandChecks() {
    }

    /** @param what the act refused, as in "raise an alarm" */
    static void requireRunning(boolean ended, SessionId sessionId, String what) {
        if (ended) {
            throw new SessionEndedException(sessionId, what);
        }
    }

    static void requireNonNull(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    /** @param what the act, as in "an acknowledgement needs the name of the user who gave it" */
    static void requireUser(String user, String what) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException(what + " needs the name of the user who gave it");
        }
    }
}
