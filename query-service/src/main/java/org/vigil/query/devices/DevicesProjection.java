package org.vigil.query.devices;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceLinkView;
import org.vigil.core.api.DeviceRecoveredEvent;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.DeviceView;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.query.chairs.ChairsProjection;
import org.vigil.query.config.DeviceBindings;
import org.vigil.query.support.AfterCommit;

/**
 * Every device Vigil expects or has heard from, with the last value of every code it reported and the state of
 * its link — including devices nobody configured, whose messages are kept rather than dropped.
 */
@Component
@ProcessingGroup(ChairsProjection.GROUP)
public class DevicesProjection {

    private final Map<DeviceId, DeviceView> devices = new ConcurrentHashMap<>();
    private final DeviceBindings bindings;

    public DevicesProjection(DeviceBindings bindings) {
        this.bindings = bindings;
        bindings.devices().forEach(id -> devices.put(id, emptyView(id, null)));
    }

    public List<DeviceView> all() {
        return devices.values().stream().sorted(Comparator.comparing(d -> d.deviceId().value())).toList();
    }

    public Optional<DeviceView> device(DeviceId id) {
        return Optional.ofNullable(devices.get(id));
    }

    @EventHandler
    public void on(ObservationsRecordedEvent event) {
        update(event.deviceId(), event.chairId(), current -> {
            Map<Integer, Observation> latest = new LinkedHashMap<>();
            current.lastValues().forEach(o -> latest.put(o.mdcCode(), o));
            event.observations().forEach(o -> latest.put(o.mdcCode(),
                    new Observation(o.mdcCode(), o.label(), o.value(), o.unit(), event.deviceTimeOf(o))));
            return new DeviceView(current.deviceId(), current.chairId(), current.configured(),
                    current.messagesRecorded() + 1, event.receivedAt(), new ArrayList<>(latest.values()),
                    current.link());
        });
    }

    @EventHandler
    public void on(DeviceConnectedEvent event) {
        link(event.deviceId(), event.chairId(), l -> new DeviceLinkView("CONNECTED", l.offline(), event.transport(),
                event.at(), l.decodeFailures(), l.framesOk(), l.reconnects()));
    }

    @EventHandler
    public void on(DeviceDisconnectedEvent event) {
        link(event.deviceId(), event.chairId(), l -> new DeviceLinkView("DISCONNECTED", true, event.reason(),
                event.at(), l.decodeFailures(), l.framesOk(), l.reconnects()));
    }

    @EventHandler
    public void on(DeviceSilentEvent event) {
        link(event.deviceId(), event.chairId(), l -> new DeviceLinkView(l.state(), true,
                "no usable data for " + event.silentFor().toSeconds() + " s", event.at(), l.decodeFailures(),
                l.framesOk(), l.reconnects()));
    }

    @EventHandler
    public void on(DeviceRecoveredEvent event) {
        link(event.deviceId(), event.chairId(), l -> new DeviceLinkView(l.state(), false, l.detail(), event.at(),
                l.decodeFailures(), l.framesOk(), l.reconnects()));
    }

    private void link(DeviceId device, ChairId chair, UnaryOperator<DeviceLinkView> change) {
        update(device, chair, current -> new DeviceView(current.deviceId(), current.chairId(), current.configured(),
                current.messagesRecorded(), current.lastMessageAt(), current.lastValues(),
                change.apply(current.link())));
    }

    private void update(DeviceId device, ChairId chair, UnaryOperator<DeviceView> change) {
        AfterCommit.run(() -> devices.compute(device, (id, view) -> change.apply(view != null ? view
                : emptyView(id, chair))));
    }

    private DeviceView emptyView(DeviceId id, ChairId reportedChair) {
        return new DeviceView(id, bindings.chairOf(id).orElse(reportedChair), bindings.isConfigured(id), 0, null,
                List.of(), DeviceLinkView.unknown());
    }
}
