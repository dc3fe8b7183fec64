package org.vigil.query.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vigil.core.api.RecordAccess;
import org.vigil.core.api.RecordSessionAccessCommand;
import org.vigil.core.api.SessionId;

/**
 * Records each read of a session's record in the session's audit stream. A playback asks for the timeline many
 * times a second, and one event per request would bury the other reads; so a user's timeline requests on one
 * session are merged per window of a minute: the first request of a window is recorded at once, as every other read
 * is, so the record shows the user looked even if the application stops; the window's later requests are recorded
 * as one event, with their count, the times of the first and last, and the earliest and latest moment of the
 * session asked for, when the window closes (checked every few seconds, and at shutdown).
 */
@Component
class RecordAccesses {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(RecordAccesses.class);

    private record Reader(SessionId session, String user) {
    }

    /** The requests of an open window after its first one, which was recorded when it came. */
    private static final class Window {
        private final Instant opened;
        private int later;
        private Instant firstLater;
        private Instant lastLater;
        private Instant rangeFrom;
        private Instant rangeTo;

        Window(Instant opened) {
            this.opened = opened;
        }

        void add(Instant at, Instant moment) {
            later++;
            firstLater = firstLater == null ? at : firstLater;
            lastLater = at;
            if (moment != null) {
                rangeFrom = rangeFrom == null || moment.isBefore(rangeFrom) ? moment : rangeFrom;
                rangeTo = rangeTo == null || moment.isAfter(rangeTo) ? moment : rangeTo;
            }
        }
    }

    private final CommandGateway commands;
    private final Clock clock;
    private final Map<Reader, Window> windows = new ConcurrentHashMap<>();

    RecordAccesses(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** A read of {@code access}; {@code moment} is the session's moment a timeline request asked for. */
    void read(SessionId session, RecordAccess access, String user, Instant moment) {
        Instant now = clock.instant();
        if (access != RecordAccess.TIMELINE) {
            send(new RecordSessionAccessCommand(session, access, user, 1, now, now, null, null));
            return;
        }
        Reader reader = new Reader(session, user);
        List<Window> closed = new ArrayList<>(1);
        boolean[] opened = {false};
        windows.compute(reader, (key, window) -> {
            if (window != null && now.isBefore(window.opened.plus(WINDOW))) {
                window.add(now, moment);
                return window;
            }
            if (window != null) {
                closed.add(window);
            }
            opened[0] = true;
            return new Window(now);
        });
        closed.forEach(window -> flush(reader, window));
        if (opened[0]) {
            send(new RecordSessionAccessCommand(session, access, user, 1, now, now, moment, moment));
        }
    }

    /** Records the windows that have closed. */
    @Scheduled(fixedDelayString = "${vigil.audit.flush-ms:5000}")
    void flushClosedWindows() {
        Instant now = clock.instant();
        windows.forEach((reader, window) -> {
            if (!now.isBefore(window.opened.plus(WINDOW)) && windows.remove(reader, window)) {
                flush(reader, window);
            }
        });
    }

    /** At shutdown, while commands are still handled, every open window is recorded as it stands. */
    @EventListener(ContextClosedEvent.class)
    void flushAll() {
        windows.forEach((reader, window) -> {
            if (windows.remove(reader, window)) {
                flush(reader, window);
            }
        });
    }

    private void flush(Reader reader, Window window) {
        if (window.later > 0) {
            send(new RecordSessionAccessCommand(reader.session(), RecordAccess.TIMELINE, reader.user(), window.later,
                    window.firstLater, window.lastLater, window.rangeFrom, window.rangeTo));
        }
    }

    private void send(RecordSessionAccessCommand command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            LOG.error("could not record that {} read {} of session {}", command.user(), command.access(),
                    command.sessionId(), e);
        }
    }
}
