package org.vigil.query.devices;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceView;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.query.chairs.ChairsProjection;
import org.vigil.query.config.DeviceBindings;
import org.vigil.query.support.AfterCommit;

/**
 * Every device Vigil expects or has heard from, with the last value of every code it reported — including
 * devices nobody configured, whose messages are kept rather than dropped.
 */
@Component
@ProcessingGroup(ChairsProjection.GROUP)
public class DevicesProjection {

    private final Map<DeviceId, DeviceView> devices = new ConcurrentHashMap<>();
    private final DeviceBindings bindings;

    public DevicesProjection(DeviceBindings bindings) {
        this.bindings = bindings;
        bindings.devices().forEach(id -> devices.put(id, emptyView(id)));
    }

    public List<DeviceView> all() {
        return devices.values().stream().sorted(Comparator.comparing(d -> d.deviceId().value())).toList();
    }

    public Optional<DeviceView> device(DeviceId id) {
        return Optional.ofNullable(devices.get(id));
    }

    @EventHandler
    public void on(ObservationsRecordedEvent event) {
        AfterCommit.run(() -> devices.compute(event.deviceId(), (id, view) -> {
            DeviceView current = view != null ? view : emptyView(id);
            Map<Integer, Observation> latest = new LinkedHashMap<>();
            current.lastValues().forEach(o -> latest.put(o.mdcCode(), o));
            event.observations().forEach(o -> latest.put(o.mdcCode(), o));
            return new DeviceView(id, current.chairId() != null ? current.chairId() : event.chairId(),
                    current.configured(), current.messagesRecorded() + 1, event.receivedAt(),
                    new ArrayList<>(latest.values()));
        }));
    }

    private DeviceView emptyView(DeviceId id) {
        return new DeviceView(id, bindings.chairOf(id).orElse(null), bindings.isConfigured(id), 0, null, List.of());
    }
}
