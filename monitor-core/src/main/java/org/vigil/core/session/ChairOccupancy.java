package org.vigil.core.session;

import java.util.Map;
import java.util.Optional;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;

/**
 * Which session runs at which chair, as the command side records it: changed in the transaction that stores a
 * session's start or end, so it never lags the store. How a device message finds its session, and how a decision
 * taken on the clock finds the sessions it watches after a restart, without reading the history.
 */
public interface ChairOccupancy {

    /** The session running at {@code chair}, empty when the chair is free. */
    Optional<SessionId> sessionAt(ChairId chair);

    /** Every running session by its chair. */
    Map<ChairId, SessionId> running();
}
