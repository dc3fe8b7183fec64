package org.vigil.query.devices;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceView;
import org.vigil.query.settings.DeviceBindings;
import org.vigil.query.settings.VigilProperties;
import org.vigil.query.settings.VigilProperties.DeviceEntry;

/**
 * What the engineers' devices page shows: {@code GET /api/devices/overview} lists every configured and every seen
 * device as {@code GET /api/devices} does, with the protocol and transport its configuration declares and the chair
 * an engineer bound it to (recorded by {@code POST /api/devices/{id}/binding}, see the links package's
 * {@code DeviceBindingController}).
 */
@RestController
class DeviceOverviewController {

    record DeviceRowView(DeviceView device, String protocol, String transport, DevicesProjection.Binding binding) {
    }

    record Overview(List<DeviceRowView> devices, List<String> chairs) {
    }

    private final DevicesController devices;
    private final DevicesProjection projection;
    private final DeviceBindings bindings;
    private final Map<DeviceId, DeviceEntry> configured;

    DeviceOverviewController(DevicesController devices, DevicesProjection projection, DeviceBindings bindings,
                             VigilProperties properties) {
        this.devices = devices;
        this.projection = projection;
        this.bindings = bindings;
        this.configured = properties.devices().stream()
                .collect(Collectors.toUnmodifiableMap(d -> new DeviceId(d.id()), Function.identity(), (a, b) -> a));
    }

    @GetMapping("/api/devices/overview")
    Overview overview() {
        Map<DeviceId, DevicesProjection.Binding> bound = projection.bindings();
        List<DeviceRowView> rows = devices.devices().stream().map(device -> {
            DeviceEntry entry = configured.get(device.deviceId());
            return new DeviceRowView(device, entry == null ? null : entry.protocol(),
                    entry == null ? null : entry.transport(), bound.get(device.deviceId()));
        }).toList();
        return new Overview(rows, bindings.chairs().stream().map(ChairId::value).toList());
    }
}
