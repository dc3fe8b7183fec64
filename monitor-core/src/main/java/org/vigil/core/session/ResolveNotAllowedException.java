package org.vigil.core.session;

import org.vigil.core.api.AlarmId;

/** A user tried to resolve an alarm that cannot be resolved by hand; see {@link AlarmResolution}. */
public class ResolveNotAllowedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ResolveNotAllowedException(AlarmId alarmId, String reason) {
        super("alarm " + alarmId + " cannot be resolved: " + reason);
    }
}
