package org.vigil.query.chairs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.vigil.core.api.ChairView;
import org.vigil.core.api.SessionId;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.settings.DeviceBindings;

/**
 * A session's chair tile as the station showed it at a moment (docs/DESIGN.md, "Interfaces": the timeline): the
 * same {@link ChairView} as {@code GET /api/chairs}, made by the same fold from the session's stream and the links
 * of its chair's devices, with everything that depends on the time computed at that moment. The last
 * {@value #SESSIONS_KEPT} sessions asked for are kept folded ({@link SessionReplay}), so a reviewer moving through
 * one session reads its stream once.
 */
@Component
public class ChairReplay {

    static final int SESSIONS_KEPT = 8;

    private final EventStore eventStore;
    private final DeviceBindings bindings;
    private final ClinicProtocol protocol;
    private final Map<SessionId, SessionReplay> replays = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SessionId, SessionReplay> eldest) {
            return size() > SESSIONS_KEPT;
        }
    };

    public ChairReplay(EventStore eventStore, DeviceBindings bindings, ClinicProtocol protocol) {
        this.eventStore = eventStore;
        this.bindings = bindings;
        this.protocol = protocol;
    }

    /** The session's chair at {@code at}; empty when the session is unknown or had not started by then. */
    public Optional<ChairView> at(SessionId session, Instant at) {
        SessionReplay replay = replay(session);
        synchronized (replay) {
            return replay.at(at);
        }
    }

    private SessionReplay replay(SessionId session) {
        synchronized (replays) {
            SessionReplay kept = replays.get(session);
            if (kept != null) {
                return kept;
            }
        }
        SessionReplay read = new SessionReplay(session, eventStore, bindings, protocol);
        if (!read.started()) {
            return read;
        }
        synchronized (replays) {
            return replays.merge(session, read, (kept, fresh) -> kept);
        }
    }
}
