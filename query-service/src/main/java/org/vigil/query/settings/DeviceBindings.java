package org.vigil.query.settings;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;

/**
 * Which device serves which chair, as declared in configuration, and the clinic's chairs. A device that speaks
 * anything but HL7 and names no transport of its own is refused at start-up: the MLLP listener, the default
 * transport, would never hear from it.
 */
@Component
public class DeviceBindings {

    private final Map<DeviceId, ChairId> chairByDevice;
    /** Each chair's devices, sorted by id; looked up for every chair of a live view, so kept rather than searched. */
    private final Map<ChairId, List<DeviceId>> devicesByChair;
    private final List<ChairId> chairs;
    private final List<DeviceId> gatewayDevices;
    private final Set<DeviceId> throughListener;
    private final List<VigilProperties.DeviceEntry> linkedDevices;

    public DeviceBindings(VigilProperties properties) {
        properties.devices().forEach(DeviceBindings::requireTransportOfItsOwn);
        this.chairByDevice = properties.devices().stream()
                .collect(Collectors.toUnmodifiableMap(d -> new DeviceId(d.id()), d -> new ChairId(d.chair())));
        this.devicesByChair = chairByDevice.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
                Collectors.collectingAndThen(Collectors.mapping(Map.Entry::getKey, Collectors.toList()),
                        devices -> devices.stream().sorted(Comparator.comparing(DeviceId::value)).toList())));
        Set<ChairId> all = new LinkedHashSet<>();
        properties.chairs().stream().map(ChairId::new).forEach(all::add);
        properties.devices().stream().map(d -> new ChairId(d.chair())).forEach(all::add);
        this.chairs = List.copyOf(all);
        this.gatewayDevices = properties.devices().stream()
                .filter(VigilProperties.DeviceEntry::arrivesThroughListener)
                .map(d -> new DeviceId(d.id()))
                .toList();
        this.throughListener = Set.copyOf(gatewayDevices);
        this.linkedDevices = properties.devices().stream()
                .filter(d -> !d.arrivesThroughListener())
                .toList();
    }

    private static void requireTransportOfItsOwn(VigilProperties.DeviceEntry entry) {
        if (entry.arrivesThroughListener() && !"hl7-mllp".equals(entry.protocol())) {
            throw new IllegalArgumentException("vigil.devices[id=" + entry.id() + "].transport: a " + entry.protocol()
                    + " device needs serial, tcp-client or tcp-listener; the listener (the default) speaks HL7 only");
        }
    }

    /** Devices whose messages arrive through the MLLP listener, usually from a gateway. */
    public List<DeviceId> gatewayDevices() {
        return gatewayDevices;
    }

    /** Whether the device's messages arrive through the MLLP listener ({@link #gatewayDevices()}). */
    public boolean arrivesThroughListener(DeviceId device) {
        return throughListener.contains(device);
    }

    /** Devices Vigil connects to itself, over a serial port or TCP. */
    public List<VigilProperties.DeviceEntry> linkedDevices() {
        return linkedDevices;
    }

    public Optional<ChairId> chairOf(DeviceId device) {
        return Optional.ofNullable(chairByDevice.get(device));
    }

    public boolean isConfigured(DeviceId device) {
        return chairByDevice.containsKey(device);
    }

    public Set<DeviceId> devices() {
        return chairByDevice.keySet();
    }

    public List<DeviceId> devicesAt(ChairId chair) {
        return devicesByChair.getOrDefault(chair, List.of());
    }

    public List<ChairId> chairs() {
        return chairs;
    }
}
