package org.vigil.query.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.vertx.core.http.ClientAuth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.adapters.ingest.FenceVerdict;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.query.settings.MllpConnectionProperties;
import org.vigil.query.settings.MllpTlsProperties;
import org.vigil.query.settings.VigilProperties;
import org.vigil.query.settings.VigilProperties.DeviceEntry;
import org.vigil.query.settings.VigilProperties.UnknownSenders;

class DeviceFenceTest {

    private static final DeviceEntry GATEWAY_MONITOR = new DeviceEntry("monitor-1", "chair-1", "hl7-mllp", "listener",
            null, null, "UTC", null, List.of("10.1.2.3", "10.1.3.0/24"));
    private static final DeviceEntry OPEN_MONITOR = new DeviceEntry("monitor-2", "chair-2", "hl7-mllp", "listener",
            null, null, "UTC", null, List.of());
    private static final DeviceEntry SERIAL_MONITOR = new DeviceEntry("monitor-3", "chair-3", "hl7-mllp", "serial",
            null, null, "UTC", null, List.of());

    @Test
    void admitsAConfiguredDeviceFromAnAllowedAddressOnly() {
        // given
        DeviceFence fence = fence(UnknownSenders.QUARANTINE, GATEWAY_MONITOR, OPEN_MONITOR);

        // then
        assertThat(fence.check(report("monitor-1"), "10.1.2.3").admitted()).isTrue();
        assertThat(fence.check(report("monitor-1"), "10.1.3.200").admitted()).isTrue();
        assertThat(fence.check(report("monitor-1"), "10.1.2.4"))
                .isEqualTo(FenceVerdict.refuse("the device's messages are not accepted from this address"));
        assertThat(fence.check(report("monitor-2"), "192.0.2.77").admitted()).as("no allow-list").isTrue();
    }

    @Test
    void quarantinesOrRefusesASenderNobodyConfiguredAsTheClinicSays() {
        assertThat(fence(UnknownSenders.QUARANTINE, OPEN_MONITOR).check(report("stranger"), "10.0.0.1"))
                .isEqualTo(FenceVerdict.quarantine("the sender is not configured in Vigil"));
        assertThat(fence(UnknownSenders.REJECT, OPEN_MONITOR).check(report("stranger"), "10.0.0.1"))
                .isEqualTo(FenceVerdict.refuse("the sender is not configured in Vigil"));
    }

    @Test
    void refusesADeviceOfALineOfItsOwnClaimedOnTheListener() {
        assertThat(fence(UnknownSenders.QUARANTINE, SERIAL_MONITOR).check(report("monitor-3"), "10.0.0.1").kind())
                .isEqualTo(FenceVerdict.Kind.REFUSE);
    }

    @Test
    void stopsTheStartUpOnAnAllowedAddressThatIsNotOne() {
        DeviceEntry named = new DeviceEntry("monitor-4", "chair-1", "hl7-mllp", "listener", null, null, "UTC", null,
                List.of("gateway.example.org"));
        assertThatIllegalArgumentException().isThrownBy(() -> fence(UnknownSenders.QUARANTINE, named))
                .withMessageStartingWith("vigil.devices[id=monitor-4].allowed-addresses: ");
    }

    private static DeviceFence fence(UnknownSenders unknown, DeviceEntry... devices) {
        VigilProperties properties = new VigilProperties(null,
                new VigilProperties.Mllp(true, "127.0.0.1", 0, 1_048_576, unknown,
                        new MllpTlsProperties(false, "mllp", ClientAuth.NONE),
                        new MllpConnectionProperties(256, 32, Duration.ofSeconds(120))), List.of(), List.of(devices),
                new VigilProperties.Ingest(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(24), 256));
        return new DeviceFence(properties, null, Runnable::run);
    }

    private static DeviceObservations report(String device) {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        return new DeviceObservations(new DeviceId(device), new MessageKey("GW", "1"), now, now, List.of());
    }
}
