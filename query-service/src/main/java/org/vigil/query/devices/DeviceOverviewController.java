package org.vigil.query.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.adapters.hl7.Hl7Nak;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceLinkView;
import org.vigil.core.api.DeviceView;
import org.vigil.query.ingest.MllpGateway;
import org.vigil.query.links.DeviceConnections;
import org.vigil.query.links.LinkCounters;
import org.vigil.query.quarantine.QuarantineProjection;
import org.vigil.query.quarantine.QuarantinedSender;
import org.vigil.query.settings.DeviceBindings;
import org.vigil.query.settings.VigilProperties;
import org.vigil.query.settings.VigilProperties.DeviceEntry;

/**
 * What the engineers' devices page shows: {@code GET /api/devices/overview} lists every configured and every seen
 * device as {@code GET /api/devices} does, with the protocol and transport its configuration declares, the last
 * negative acknowledgement Vigil sent for its messages (through the MLLP listener or on its own link), and the chair
 * an engineer bound it to (recorded by {@code POST /api/devices/{id}/binding}, see the links package's
 * {@code DeviceBindingController}). Senders the fence quarantined are counted, the latest listed
 * ({@code quarantine}); a quarantined device id nobody configured is also listed among the devices, as a sender
 * an engineer can bind, though none of its messages is on record.
 */
@RestController
class DeviceOverviewController {

    /** @param lastNak the last AE or AR Vigil sent for the device's messages, {@code null} if none is kept */
    record DeviceRowView(DeviceView device, String protocol, String transport, DevicesProjection.Binding binding,
                         Hl7Nak lastNak) {
    }

    record Quarantine(long count, List<QuarantinedSender> latest) {
    }

    record Overview(List<DeviceRowView> devices, List<String> chairs, Quarantine quarantine) {
    }

    /** How many quarantined messages the page lists. */
    static final int LATEST_QUARANTINED = 10;

    private final DevicesController devices;
    private final DevicesProjection projection;
    private final DeviceBindings bindings;
    private final QuarantineProjection quarantine;
    private final Map<DeviceId, DeviceEntry> configured;
    private final DeviceConnections connections;
    private final ObjectProvider<MllpGateway> listener;

    DeviceOverviewController(DevicesController devices, DevicesProjection projection, DeviceBindings bindings,
                             QuarantineProjection quarantine, VigilProperties properties,
                             DeviceConnections connections, ObjectProvider<MllpGateway> listener) {
        this.devices = devices;
        this.connections = connections;
        this.listener = listener;
        this.projection = projection;
        this.bindings = bindings;
        this.quarantine = quarantine;
        this.configured = properties.devices().stream()
                .collect(Collectors.toUnmodifiableMap(d -> new DeviceId(d.id()), Function.identity(), (a, b) -> a));
    }

    @GetMapping("/api/devices/overview")
    Overview overview() {
        Map<DeviceId, DevicesProjection.Binding> bound = projection.bindings();
        List<QuarantinedSender> latest = quarantine.latest(LATEST_QUARANTINED);
        Map<DeviceId, LinkCounters> links = connections.counters();
        MllpGateway gateway = listener.getIfAvailable();
        Map<DeviceId, Hl7Nak> listenerNaks = gateway == null ? Map.of() : gateway.counters().lastNaks();
        List<DeviceRowView> rows = withQuarantined(devices.devices(), latest).stream().map(device -> {
            DeviceEntry entry = configured.get(device.deviceId());
            LinkCounters link = links.get(device.deviceId());
            return new DeviceRowView(device, entry == null ? null : entry.protocol(),
                    entry == null ? null : entry.transport(), bound.get(device.deviceId()),
                    latest(listenerNaks.get(device.deviceId()), link == null ? null : link.lastNak()));
        }).toList();
        return new Overview(rows, bindings.chairs().stream().map(ChairId::value).toList(),
                new Quarantine(quarantine.count(), latest));
    }

    private List<DeviceView> withQuarantined(List<DeviceView> seen, List<QuarantinedSender> latest) {
        Set<DeviceId> listed = seen.stream().map(DeviceView::deviceId).collect(Collectors.toSet());
        List<DeviceView> all = new ArrayList<>(seen);
        for (QuarantinedSender sender : latest) {
            DeviceId id = new DeviceId(sender.deviceId());
            if (listed.add(id)) {
                all.add(new DeviceView(id, null, false, 0, null, List.of(), DeviceLinkView.unknown()));
            }
        }
        return all;
    }

    /** The later of a NAK sent through the listener and one sent on the device's own link. */
    private static Hl7Nak latest(Hl7Nak viaListener, Hl7Nak onLink) {
        if (viaListener == null || onLink == null) {
            return viaListener == null ? onLink : viaListener;
        }
        return onLink.at().isAfter(viaListener.at()) ? onLink : viaListener;
    }
}
