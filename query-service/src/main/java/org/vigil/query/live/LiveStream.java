package org.vigil.query.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.vigil.core.api.DeviceId;

/**
 * Server-Sent Events to the nurses' screens: a {@code chair} event with the whole chair after every committed
 * change, an {@code alarm} event for every alarm state change, an {@code escalation} event when an alarm is
 * escalated, an {@code audio-pause} event when a chair's sounds are paused or a pause is broken through, a
 * {@code condition} event when a condition of Vigil itself begins or ends ({@link StationCondition}), and a
 * heartbeat comment so a screen can tell a quiet clinic from a dead connection.
 *
 * <p>The engineers' devices page subscribes apart ({@link #subscribeDevices()}): it receives a {@code device}
 * event when a device's link changes or an engineer binds it, and the heartbeat — no patient's data.
 */
@Component
public class LiveStream {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    private static final Duration EMITTER_TIMEOUT = Duration.ofHours(12);

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final List<SseEmitter> deviceEmitters = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    public SseEmitter subscribe(List<ChairView> snapshot, List<StationCondition> conditions) {
        SseEmitter emitter = register(emitters);
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

    /** The devices page's stream: {@code device} events and the heartbeat. */
    public SseEmitter subscribeDevices() {
        return register(deviceEmitters);
    }

    /** A device's link changed or an engineer bound it: the devices page fetches its rows again. */
    public void deviceChanged(DeviceId device) {
        deviceEmitters.forEach(emitter -> send(deviceEmitters, emitter, "device", Map.of("deviceId", device.value())));
    }

    private SseEmitter register(List<SseEmitter> list) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        emitter.onCompletion(() -> list.remove(emitter));
        emitter.onTimeout(() -> list.remove(emitter));
        emitter.onError(e -> list.remove(emitter));
        list.add(emitter);
        return emitter;
    }

    public int subscribers() {
        return emitters.size();
    }

    @Scheduled(fixedRateString = "${vigil.stream.heartbeat-ms:5000}")
    void heartbeat() {
        for (List<SseEmitter> list : List.of(emitters, deviceEmitters)) {
            list.forEach(emitter -> {
                try {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                } catch (IOException | IllegalStateException e) {
                    list.remove(emitter);
                }
            });
        }
    }

    private void send(SseEmitter emitter, String name, Object data) {
        send(emitters, emitter, name, data);
    }

    private void send(List<SseEmitter> list, SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().id(Long.toString(sequence.incrementAndGet())).name(name).data(data));
        } catch (IOException | IllegalStateException e) {
            log.debug("Live stream subscriber gone: {}", e.getMessage());
            list.remove(emitter);
        }
    }
}
