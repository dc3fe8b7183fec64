package org.vigil.query.devices;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceLinkView;
import org.vigil.core.api.DeviceView;
import org.vigil.query.links.DeviceConnections;
import org.vigil.query.links.LinkCounters;

/**
 * {@code GET /api/devices}: devices seen or expected, with their last values, the state of their link and the
 * counters of the connection that carries them.
 */
@RestController
class DevicesController {

    private final DevicesProjection devices;
    private final DeviceConnections connections;

    DevicesController(DevicesProjection devices, DeviceConnections connections) {
        this.devices = devices;
        this.connections = connections;
    }

    @GetMapping("/api/devices")
    List<DeviceView> devices() {
        Map<DeviceId, LinkCounters> live = connections.counters();
        return devices.all().stream().map(view -> withCounters(view, live.get(view.deviceId()))).toList();
    }

    private DeviceView withCounters(DeviceView view, LinkCounters stats) {
        DeviceLinkView link = view.link();
        DeviceLinkView counted = stats != null
                ? link.counted(stats.decodeFailures(), stats.framesOk(), stats.reconnects())
                : link;
        return new DeviceView(view.deviceId(), view.chairId(), view.configured(), view.messagesRecorded(),
                view.lastMessageAt(), view.lastValues(), counted);
    }
}
