package org.vigil.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
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
 *
 * <p>Events are written by a thread of their own, in the order they were given, each turned into JSON once for all
 * the screens: whoever reports a change (most often the thread that has just committed a group of device
 * messages) only queues it, and never waits for a screen's network. A screen so slow that
 * {@value #BACKLOG} events wait for it has its stream ended; it reconnects and starts again from the chairs as they
 * are. A stream nobody subscribed to costs nothing: the views made to replay or snapshot a session have one.
 */
@Component
public class LiveStream implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    private static final Duration EMITTER_TIMEOUT = Duration.ofHours(12);
    private static final int BACKLOG = 50_000;

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final List<SseEmitter> deviceEmitters = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ObjectMapper json;
    private volatile ThreadPoolExecutor writer;

    /** A stream whose events are written as the application writes its JSON. */
    @Autowired
    public LiveStream(ObjectMapper json) {
        this.json = json;
    }

    /** A stream for a view nobody watches live (a replay, a snapshot), or for a test. */
    public LiveStream() {
        this(JsonMapper.builder().findAndAddModules().build());
    }

    /**
     * A station's stream: the chairs and conditions as they are, then every change. The snapshot is queued before
     * the station joins the subscribers, so every change queued after it reaches the station after the snapshot.
     */
    public SseEmitter subscribe(List<ChairView> snapshot, List<StationCondition> conditions) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        writer().execute(() -> {
            snapshot.forEach(chair -> send(emitters, emitter, "chair", text(chair)));
            conditions.forEach(condition -> send(emitters, emitter, "condition", text(condition)));
        });
        register(emitters, emitter);
        return emitter;
    }

    public void chairChanged(ChairView chair) {
        broadcast(emitters, "chair", chair);
    }

    public void alarmChanged(AlarmView alarm) {
        broadcast(emitters, "alarm", alarm);
    }

    /** An alarm nobody acknowledged in time went to the charge nurse or provider (IHE PCD ACM). */
    public void alarmEscalated(AlarmView alarm) {
        broadcast(emitters, "escalation", alarm);
    }

    /** A chair's alarm sounds were paused, or a pause was broken through. */
    public void audioPauseChanged(AudioPauseView pause) {
        broadcast(emitters, "audio-pause", pause);
    }

    /** A condition of Vigil itself began or ended. */
    public void conditionChanged(StationCondition condition) {
        broadcast(emitters, "condition", condition);
    }

    /** The devices page's stream: {@code device} events and the heartbeat. */
    public SseEmitter subscribeDevices() {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        register(deviceEmitters, emitter);
        return emitter;
    }

    /** A device's link changed or an engineer bound it: the devices page fetches its rows again. */
    public void deviceChanged(DeviceId device) {
        broadcast(deviceEmitters, "device", Map.of("deviceId", device.value()));
    }

    private static void register(List<SseEmitter> list, SseEmitter emitter) {
        emitter.onCompletion(() -> list.remove(emitter));
        emitter.onTimeout(() -> list.remove(emitter));
        emitter.onError(e -> list.remove(emitter));
        list.add(emitter);
    }

    public int subscribers() {
        return emitters.size();
    }

    @Scheduled(fixedRateString = "${vigil.stream.heartbeat-ms:5000}")
    void heartbeat() {
        if (emitters.isEmpty() && deviceEmitters.isEmpty()) {
            return;
        }
        writer().execute(() -> {
            for (List<SseEmitter> list : List.of(emitters, deviceEmitters)) {
                list.forEach(emitter -> {
                    try {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                    } catch (IOException | IllegalStateException e) {
                        list.remove(emitter);
                    }
                });
            }
        });
    }

    /** Queues the event for every subscriber of {@code list} as they are when it is written. */
    private void broadcast(List<SseEmitter> list, String name, Object data) {
        if (list.isEmpty()) {
            return;
        }
        writer().execute(() -> {
            if (!list.isEmpty()) {
                String text = text(data);
                list.forEach(emitter -> send(list, emitter, name, text));
            }
        });
    }

    private String text(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a live event as JSON", e);
        }
    }

    private void send(List<SseEmitter> list, SseEmitter emitter, String name, String data) {
        try {
            emitter.send(SseEmitter.event().id(Long.toString(sequence.incrementAndGet())).name(name)
                    .data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            log.debug("Live stream subscriber gone: {}", e.getMessage());
            list.remove(emitter);
        }
    }

    private ThreadPoolExecutor writer() {
        ThreadPoolExecutor started = writer;
        if (started == null) {
            synchronized (this) {
                if (writer == null) {
                    writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                            new ArrayBlockingQueue<>(BACKLOG), new CustomizableThreadFactory("live-stream-"),
                            (task, pool) -> fellBehind());
                }
                started = writer;
            }
        }
        return started;
    }

    /** The screens are {@value #BACKLOG} events behind: their streams end, and they reconnect afresh. */
    private void fellBehind() {
        log.warn("The nurses' screens fell {} live events behind; their streams are ended so that they reconnect",
                BACKLOG);
        endStreams();
    }

    /**
     * The application is stopping: the screens' streams end now, before the web server's graceful stop, which would
     * otherwise wait its whole timeout (30 s) for these never-ending requests. The screens show the connection lost
     * and reconnect, to this node when it is back or to the one that took over.
     */
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        endStreams();
    }

    private void endStreams() {
        for (List<SseEmitter> list : List.of(emitters, deviceEmitters)) {
            list.forEach(SseEmitter::complete);
            list.clear();
        }
    }

    @Override
    public void destroy() {
        ThreadPoolExecutor started = writer;
        if (started != null) {
            started.shutdownNow();
        }
    }
}
