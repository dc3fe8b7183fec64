package org.vigil.query.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vigil.core.alarm.DeviceOutages;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.RecordDeviceConnectedCommand;
import org.vigil.core.api.RecordDeviceDisconnectedCommand;
import org.vigil.core.api.RecordDeviceRecoveredCommand;
import org.vigil.core.api.RecordDeviceSilentCommand;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.leadership.Leadership;
import org.vigil.query.settings.DeviceBindings;

/**
 * Turns what the links say about a device — connected, lost, silent, usable again — into events on the device
 * (docs/DESIGN.md, principle 7: the operator sees a technical alarm when a device stops making sense). Devices reached
 * through a transport of their own report through their connection; devices that arrive through the MLLP listener
 * (gateways) are watched here: no usable message for the clinic protocol's silence time makes them silent.
 * Commands are stored with the device messages ({@link SupervisionCommands}), never on the transport's event loop.
 *
 * <p>Whether a device was offline before this run is known from the outages the device-offline decision keeps
 * with the command side ({@link DeviceOutages}), never from a read model; the device aggregate records a change
 * only when there is one. Once the store holds a link's state — recorded now or already the device's — the live
 * chair view is told, so that after a restart the tiles show the links as they are, not as history left them.
 */
@Component
public class DeviceSupervisor {

    private static final Logger log = LoggerFactory.getLogger(DeviceSupervisor.class);

    private final Leadership leadership;
    private final SupervisionCommands commands;
    private final DeviceBindings bindings;
    private final ChairLinks chairs;
    private final DeviceOutages outages;
    private final Duration silentAfter;
    private final Clock clock;
    private final Map<DeviceId, Instant> lastUsable = new ConcurrentHashMap<>();
    private final Map<DeviceId, Boolean> offline = new ConcurrentHashMap<>();
    /** The devices offline when this run began, read once, the first time a device's state is needed. */
    private volatile Set<DeviceId> offlineBefore;
    /** When the first check ran: the application had just become ready to receive messages. */
    private volatile Instant watchingSince;

    public DeviceSupervisor(SupervisionCommands commands, DeviceBindings bindings, ChairLinks chairs,
                            DeviceOutages outages, ClinicProtocol protocol, Clock clock, Leadership leadership) {
        this.leadership = leadership;
        this.commands = commands;
        this.bindings = bindings;
        this.chairs = chairs;
        this.outages = outages;
        this.silentAfter = protocol.supervision().deviceSilentAfter();
        this.clock = clock;
    }

    /**
     * A message from the device was stored: it is sending usable data. Whether it was offline before is known
     * from this run, or else from the outages kept when the run began.
     */
    public void usableMessage(DeviceId device, Instant at) {
        Instant before = lastUsable.put(device, at);
        if (before == null && bindings.arrivesThroughListener(device)) {
            // a gateway device has no link of its own: its first message in this run shows it connected
            connected(device, "HL7 through the MLLP listener", at);
        }
        Boolean wasOffline = offline.put(device, false);
        if (wasOffline != null ? wasOffline : offlineBefore().contains(device)) {
            ChairId chair = chair(device);
            send(new RecordDeviceRecoveredCommand(device, chair, at), () -> chairs.linkOffline(chair, device, false));
        }
    }

    public void connected(DeviceId device, String transport, Instant at) {
        ChairId chair = chair(device);
        send(new RecordDeviceConnectedCommand(device, chair, transport, at), () -> chairs.linkConnected(chair, device));
    }

    public void disconnected(DeviceId device, String reason, Instant at) {
        offline.put(device, true);
        ChairId chair = chair(device);
        send(new RecordDeviceDisconnectedCommand(device, chair, reason, at),
                () -> chairs.linkDisconnected(chair, device));
    }

    public void silent(DeviceId device, Instant silentSince, Instant at) {
        offline.put(device, true);
        Instant last = lastUsable.get(device);
        ChairId chair = chair(device);
        send(new RecordDeviceSilentCommand(device, chair, Duration.between(silentSince, at), last, at),
                () -> chairs.linkOffline(chair, device, true));
    }

    /**
     * Gateway devices have no connection of their own to tell when they fall silent: check them here. A configured
     * device that never sends at all is silent too: its chair should not look watched when it is not. Only the
     * active node watches: gateways send to it alone; a standby starts watching, from nothing, when it takes over.
     */
    @Scheduled(fixedDelayString = "${vigil.supervision.check-ms:1000}")
    void watchGatewayDevices() {
        if (!leadership.isActive()) {
            return;
        }
        Instant now = clock.instant();
        if (watchingSince == null) {
            watchingSince = now;
        }
        bindings.gatewayDevices().forEach(device -> {
            Instant since = lastUsable.getOrDefault(device, watchingSince);
            if (!Boolean.TRUE.equals(offline.get(device)) && !now.isBefore(since.plus(silentAfter))) {
                silent(device, since, now);
            }
        });
    }

    private Set<DeviceId> offlineBefore() {
        Set<DeviceId> known = offlineBefore;
        if (known == null) {
            known = Set.copyOf(outages.all().stream().map(DeviceOutages.Outage::deviceId).toList());
            offlineBefore = known;
        }
        return known;
    }

    private ChairId chair(DeviceId device) {
        return bindings.chairOf(device).orElse(null);
    }

    /** Stores the command; once it is stored (or the device already was in that state), {@code shown}. */
    private void send(Object command, Runnable shown) {
        commands.store(command).whenComplete((result, failure) -> {
            if (failure == null) {
                shown.run();
            } else {
                log.error("Could not record {}: {}", command.getClass().getSimpleName(), failure.getMessage(),
                        failure);
            }
        });
    }
}
