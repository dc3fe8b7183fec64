package org.vigil.query.devices;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.core.api.DeviceView;

/** {@code GET /api/devices}: devices seen or expected, with their last values. */
@RestController
class DevicesController {

    private final DevicesProjection devices;

    DevicesController(DevicesProjection devices) {
        this.devices = devices;
    }

    @GetMapping("/api/devices")
    List<DeviceView> devices() {
        return devices.all();
    }
}
