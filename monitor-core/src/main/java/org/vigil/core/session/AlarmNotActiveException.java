package org.vigil.core.session;

import org.vigil.core.api.AlarmId;
import org.vigil.core.api.SessionId;

/** Someone acknowledged an alarm the session does not have active: unknown, or already cleared. */
public class AlarmNotActiveException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public AlarmNotActiveException(SessionId sessionId, AlarmId alarmId, boolean known) {
        super(known
                ? "alarm " + alarmId + " of session " + sessionId + " is already cleared"
                : "session " + sessionId + " has no alarm " + alarmId);
    }
}
