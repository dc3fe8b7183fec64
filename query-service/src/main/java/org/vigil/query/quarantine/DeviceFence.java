package org.vigil.query.quarantine;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.vigil.adapters.ingest.FenceVerdict;
import org.vigil.adapters.ingest.QuarantinedMessage;
import org.vigil.adapters.ingest.SenderFence;
import org.vigil.adapters.transport.AddressAllowList;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.QuarantineDeviceReportCommand;
import org.vigil.query.settings.VigilProperties;
import org.vigil.query.settings.VigilProperties.DeviceEntry;

/**
 * Who may write into the record through the MLLP listener: a device configured to arrive through it
 * ({@code vigil.devices[n]} with transport {@code listener}), talking from an address its entry allows
 * ({@code allowed-addresses}, every address when none is listed). Anything else is quarantined: a sender nobody
 * configured is answered as {@code vigil.mllp.unknown-senders} says ({@code quarantine}: {@code AA}, the default;
 * {@code reject}: {@code AR}); a configured device id from an address not allowed, or a device configured on a line of
 * its own, is always refused ({@code AR}) — it is someone else using the device's name, or a gateway that moved. Either
 * way the message reaches no session and no chair.
 *
 * <p>A quarantined message is stored like a device message, on the ingest workers and within the store timeout, so
 * the listener's event loop never waits for it.
 */
public class DeviceFence implements SenderFence {

    private final Map<DeviceId, DeviceEntry> devices;
    private final Map<DeviceId, AddressAllowList> allowed;
    private final boolean rejectUnknown;
    private final CommandGateway commands;
    private final Executor workers;
    private final Duration storeTimeout;

    public DeviceFence(VigilProperties properties, CommandGateway commands, Executor workers) {
        this.devices = properties.devices().stream()
                .collect(Collectors.toUnmodifiableMap(d -> new DeviceId(d.id()), d -> d, (a, b) -> a));
        this.allowed = properties.devices().stream()
                .collect(Collectors.toUnmodifiableMap(d -> new DeviceId(d.id()), DeviceFence::allowList, (a, b) -> a));
        this.rejectUnknown = properties.mllp().unknownSenders() == VigilProperties.UnknownSenders.REJECT;
        this.commands = commands;
        this.workers = workers;
        this.storeTimeout = properties.ingest().storeTimeout();
    }

    private static AddressAllowList allowList(DeviceEntry entry) {
        try {
            return AddressAllowList.of(entry.allowedAddresses());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vigil.devices[id=" + entry.id() + "].allowed-addresses: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public FenceVerdict check(DeviceReport report, String sourceAddress) {
        DeviceEntry entry = devices.get(report.deviceId());
        if (entry == null) {
            String reason = "the sender is not configured in Vigil";
            return rejectUnknown ? FenceVerdict.refuse(reason) : FenceVerdict.quarantine(reason);
        }
        if (!entry.arrivesThroughListener()) {
            return FenceVerdict.refuse("the device is configured on a line of its own, not on this listener");
        }
        if (!allowed.get(report.deviceId()).allows(sourceAddress)) {
            return FenceVerdict.refuse("the device's messages are not accepted from this address");
        }
        return FenceVerdict.admit();
    }

    @Override
    public CompletionStage<Void> quarantine(QuarantinedMessage message) {
        QuarantineDeviceReportCommand command = new QuarantineDeviceReportCommand("quarantine-" + UUID.randomUUID(),
                message.sender(), message.deviceId(), message.sourceAddress(), message.controlId(), message.reason(),
                message.refused(), message.receivedAt());
        return CompletableFuture.runAsync(() -> commands.sendAndWait(command), workers)
                .orTimeout(storeTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
