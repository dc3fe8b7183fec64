package org.vigil.query.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.RecordDeviceConnectedCommand;
import org.vigil.core.api.RecordDeviceDisconnectedCommand;
import org.vigil.core.api.RecordDeviceRecoveredCommand;
import org.vigil.core.api.RecordDeviceSilentCommand;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.config.DeviceBindings;

/**
 * Turns what the links say about a device — connected, lost, silent, usable again — into events on the device
 * (DESIGN.md, principle 7: the operator sees a technical alarm when a device stops making sense). Devices reached
 * through a transport of their own report through their connection; devices that arrive through the MLLP listener
 * (gateways) are watched here: no usable message for the clinic protocol's silence time makes them silent.
 * Commands go to a worker pool, never the transport's event loop.
 */
@Component
public class DeviceSupervisor {

    private static final Logger log = LoggerFactory.getLogger(DeviceSupervisor.class);

    private final CommandGateway commands;
    private final DeviceBindings bindings;
    private final DevicesProjection devices;
    private final Duration silentAfter;
    private final Clock clock;
    private final Executor workers;
    private final Map<DeviceId, Instant> lastUsable = new ConcurrentHashMap<>();
    private final Map<DeviceId, Boolean> offline = new ConcurrentHashMap<>();
    private final Instant watchingSince;

    public DeviceSupervisor(CommandGateway commands, DeviceBindings bindings, DevicesProjection devices,
                            ClinicProtocol protocol, Clock clock, @Qualifier("ingestWorkers") Executor workers) {
        this.commands = commands;
        this.bindings = bindings;
        this.devices = devices;
        this.silentAfter = protocol.supervision().deviceSilentAfter();
        this.clock = clock;
        this.workers = workers;
        this.watchingSince = clock.instant();
    }

    /**
     * A message from the device was stored: it is sending usable data. Whether it was offline before is known
     * from this run, or else from the stored record (the device read model is rebuilt from it at start-up).
     */
    public void usableMessage(DeviceId device, Instant at) {
        Instant before = lastUsable.put(device, at);
        if (before == null && bindings.gatewayDevices().contains(device)) {
            // a gateway device has no link of its own: its first message in this run shows it connected
            connected(device, "HL7 through the MLLP listener", at);
        }
        Boolean offlineBefore = offline.put(device, false);
        boolean wasOffline = offlineBefore != null ? offlineBefore
                : devices.device(device).map(view -> view.link().offline()).orElse(false);
        if (wasOffline) {
            send(new RecordDeviceRecoveredCommand(device, chair(device), at));
        }
    }

    public void connected(DeviceId device, String transport, Instant at) {
        send(new RecordDeviceConnectedCommand(device, chair(device), transport, at));
    }

    public void disconnected(DeviceId device, String reason, Instant at) {
        offline.put(device, true);
        send(new RecordDeviceDisconnectedCommand(device, chair(device), reason, at));
    }

    public void silent(DeviceId device, Instant silentSince, Instant at) {
        offline.put(device, true);
        Instant last = lastUsable.get(device);
        send(new RecordDeviceSilentCommand(device, chair(device), Duration.between(silentSince, at), last, at));
    }

    /**
     * Gateway devices have no connection of their own to tell when they fall silent: check them here. A configured
     * device that never sends at all is silent too: its chair should not look watched when it is not.
     */
    @Scheduled(fixedDelayString = "${vigil.supervision.check-ms:1000}")
    void watchGatewayDevices() {
        Instant now = clock.instant();
        bindings.gatewayDevices().forEach(device -> {
            Instant since = lastUsable.getOrDefault(device, watchingSince);
            if (!Boolean.TRUE.equals(offline.get(device)) && !now.isBefore(since.plus(silentAfter))) {
                silent(device, since, now);
            }
        });
    }

    private ChairId chair(DeviceId device) {
        return bindings.chairOf(device).orElse(null);
    }

    private void send(Object command) {
        workers.execute(() -> {
            try {
                commands.sendAndWait(command);
            } catch (RuntimeException e) {
                log.error("Could not record {}: {}", command.getClass().getSimpleName(), e.getMessage(), e);
            }
        });
    }
}
