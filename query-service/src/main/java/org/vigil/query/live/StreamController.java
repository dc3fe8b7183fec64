package org.vigil.query.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/stream}: every chair and every condition in force at once, then every committed change as it
 * happens.
 */
@RestController
class StreamController {

    private final LiveStream stream;
    private final CurrentChairs chairs;
    private final StationConditions conditions;

    StreamController(LiveStream stream, CurrentChairs chairs, StationConditions conditions) {
        this.stream = stream;
        this.chairs = chairs;
        this.conditions = conditions;
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.subscribe(chairs.all(), conditions.active());
    }

    /** The devices page's live stream: a {@code device} event whenever a device's link changes or it is bound. */
    @GetMapping(path = "/api/devices/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter devices() {
        return stream.subscribeDevices();
    }
}
