package org.vigil.core.session;

import java.util.Map;
import java.util.Optional;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;

/**
 * Which session runs at each chair, as recorded by the command side in the same transaction as the session's start
 * and end. The write path asks it where a device message belongs, so that decision never depends on a read model
 * that may lag behind or be rebuilt.
 */
public interface ChairOccupancy {

    /** The session running at {@code chair}, empty when the chair is free or unknown. */
    Optional<SessionId> sessionAt(ChairId chair);

    /** Every chair with a session running, and that session. */
    Map<ChairId, SessionId> running();

    /**
     * Every chair with a session running as the store holds it now, read in the caller's transaction: a session
     * another unit of work has just committed is there, where {@link #running()} may show it a moment later.
     */
    default Map<ChairId, SessionId> recorded() {
        return running();
    }

    /** The session running at {@code chair} as the store holds it now, read like {@link #recorded()}. */
    default Optional<SessionId> recordedAt(ChairId chair) {
        return Optional.ofNullable(recorded().get(chair));
    }
}
