package org.vigil.query.alarms;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.vigil.core.api.AudioPauseEndedEvent;
import org.vigil.core.api.AudioPauseView;
import org.vigil.core.api.AudioPausedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.query.live.LiveStream;
import org.vigil.query.support.AfterCommit;
import org.vigil.query.support.ProcessingGroups;

/**
 * The latest audio pause of each session, pushed to the screens after the commit. After a restart a session's
 * pause is folded from its stream the first time it is asked for; whether it still holds is a matter of its
 * {@code until}, so nothing has to happen when it lapses.
 */
@Component
@ProcessingGroup(ProcessingGroups.LIVE_VIEW)
class AudioPauses {

    private final EventStore eventStore;
    private final LiveStream stream;
    private final Map<SessionId, Optional<AudioPauseView>> bySession = new ConcurrentHashMap<>();

    AudioPauses(EventStore eventStore, LiveStream stream) {
        this.eventStore = eventStore;
        this.stream = stream;
    }

    /** The session's latest pause, lapsed or broken through included; empty when it was never paused. */
    Optional<AudioPauseView> of(SessionId session) {
        return bySession.computeIfAbsent(session, this::fold);
    }

    @EventHandler
    void on(AudioPausedEvent event) {
        AfterCommit.run(() -> {
            AudioPauseView pause = AudioPauseView.paused(event);
            bySession.put(event.sessionId(), Optional.of(pause));
            stream.audioPauseChanged(pause);
        });
    }

    @EventHandler
    void on(AudioPauseEndedEvent event) {
        AfterCommit.run(() -> {
            Optional<AudioPauseView> ended = of(event.sessionId()).map(pause -> ended(pause, event));
            bySession.put(event.sessionId(), ended);
            ended.ifPresent(stream::audioPauseChanged);
        });
    }

    private Optional<AudioPauseView> fold(SessionId session) {
        AudioPauseView pause = null;
        DomainEventStream events = eventStore.readEvents(session.value(), 0L);
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof AudioPausedEvent paused) {
                pause = AudioPauseView.paused(paused);
            } else if (payload instanceof AudioPauseEndedEvent ended && pause != null) {
                pause = ended(pause, ended);
            }
        }
        return Optional.ofNullable(pause);
    }

    private static AudioPauseView ended(AudioPauseView pause, AudioPauseEndedEvent event) {
        return pause.endedAt() != null ? pause : pause.endedEarly(event.at(), event.reason());
    }
}
