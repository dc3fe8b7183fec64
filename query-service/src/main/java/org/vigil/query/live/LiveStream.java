package org.vigil.query.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.vigil.core.api.AlarmView;
import org.vigil.core.api.AudioPauseView;
import org.vigil.core.api.ChairView;

/**
 * Server-Sent Events to the nurses' screens: a {@code chair} event with the whole chair after every committed
 * change, an {@code alarm} event for every alarm state change, an {@code escalation} event when an alarm is
 * escalated, an {@code audio-pause} event when a chair's sounds are paused or a pause is broken through, a
 * {@code condition} event when a condition of Vigil itself begins or ends ({@link StationCondition}), and a
 * heartbeat comment so a screen can tell a quiet clinic from a dead connection.
 */
@Component
public class LiveStream {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    private static final Duration EMITTER_TIMEOUT = Duration.ofHours(12);

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    public SseEmitter subscribe(List<ChairView> snapshot, List<StationCondition> conditions) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        emitters.add(emitter);
        snapshot.forEach(chair -> send(emitter, "chair", chair));
        conditions.forEach(condition -> send(emitter, "condition", condition));
        return emitter;
    }

    public void chairChanged(ChairView chair) {
        emitters.forEach(emitter -> send(emitter, "chair", chair));
    }

    public void alarmChanged(AlarmView alarm) {
        emitters.forEach(emitter -> send(emitter, "alarm", alarm));
    }

    /** An alarm nobody acknowledged in time went to the charge nurse or provider (IHE PCD ACM). */
    public void alarmEscalated(AlarmView alarm) {
        emitters.forEach(emitter -> send(emitter, "escalation", alarm));
    }

    /** A chair's alarm sounds were paused, or a pause was broken through. */
    public void audioPauseChanged(AudioPauseView pause) {
        emitters.forEach(emitter -> send(emitter, "audio-pause", pause));
    }

    /** A condition of Vigil itself began or ended. */
    public void conditionChanged(StationCondition condition) {
        emitters.forEach(emitter -> send(emitter, "condition", condition));
    }

    public int subscribers() {
        return emitters.size();
    }

    @Scheduled(fixedRateString = "${vigil.stream.heartbeat-ms:5000}")
    void heartbeat() {
        emitters.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
            }
        });
    }

    private void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().id(Long.toString(sequence.incrementAndGet())).name(name).data(data));
        } catch (IOException | IllegalStateException e) {
            log.debug("Live stream subscriber gone: {}", e.getMessage());
            emitters.remove(emitter);
        }
    }
}
