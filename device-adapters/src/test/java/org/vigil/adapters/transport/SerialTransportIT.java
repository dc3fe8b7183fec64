package org.vigil.adapters.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialTransportIT {

    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 2.0);

    @TempDir
    Path directory;

    private final RecordingTransportListener adapterSide = new RecordingTransportListener();
    private final RecordingTransportListener deviceSide = new RecordingTransportListener();
    private PtyPair cable;
    private SerialTransport adapter;
    private SerialTransport device;

    @AfterEach
    void closeEverything() {
        if (adapter != null) {
            adapter.close();
        }
        if (device != null) {
            device.close();
        }
        if (cable != null) {
            cable.close();
        }
    }

    @Test
    void carriesEveryByteValueBothWaysInOrder() {
        // given
        cable = PtyPair.start(directory);
        openBothEnds();
        byte[] toDevice = everyByteValue(16);
        byte[] toAdapter = reversed(toDevice);

        // when
        assertThat(adapter.write(toDevice)).isTrue();
        assertThat(device.write(toAdapter)).isTrue();

        // then
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(deviceSide.receivedBytes()).isEqualTo(toDevice);
            assertThat(adapterSide.receivedBytes()).isEqualTo(toAdapter);
        });
        assertThat(adapterSide.lastDetail(TransportState.CONNECTED)).contains("115200 8N1");
    }

    @Test
    void reportsDisconnectedWhenThePortVanishesAndReopensItByItselfWhenItReturns() {
        // given
        cable = PtyPair.start(directory);
        openBothEnds();

        // when
        cable.kill();

        // then
        await().atMost(2, TimeUnit.SECONDS).until(() -> adapterSide.count(TransportState.DISCONNECTED) >= 1);
        assertThat(adapterSide.details(TransportState.DISCONNECTED).get(0))
                .startsWith("port " + cable.a() + " lost: read error");
        assertThat(adapter.write(new byte[] {1})).isFalse();

        // when
        await().atMost(5, TimeUnit.SECONDS).until(() -> adapterSide.count(TransportState.DISCONNECTED) >= 3);
        cable.restart();

        // then
        await().atMost(5, TimeUnit.SECONDS).until(() -> adapterSide.count(TransportState.CONNECTED) == 2
                && deviceSide.count(TransportState.CONNECTED) == 2);
        assertThat(adapterSide.lastDetail(TransportState.DISCONNECTED)).startsWith("cannot open " + cable.a());
        byte[] afterReturn = {0x0B, 'M', 'S', 'H', 0x1C, 0x0D};
        assertThat(adapter.write(afterReturn)).isTrue();
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(deviceSide.receivedBytes())
                .isEqualTo(afterReturn));
    }

    @Test
    void waitsForAPortThatDoesNotExistYetAndOpensItWhenItAppears() {
        // given
        adapter = new SerialTransport(SerialSettings.pump(directory.resolve("a").toString()), FAST);
        adapter.open(adapterSide);
        await().atMost(5, TimeUnit.SECONDS).until(() -> adapterSide.count(TransportState.DISCONNECTED) >= 2);

        // when
        cable = PtyPair.start(directory);

        // then
        await().atMost(5, TimeUnit.SECONDS).until(() -> adapterSide.lastState() == TransportState.CONNECTED);
        assertThat(adapterSide.lastDetail(TransportState.CONNECTED)).contains("38400 8N1");
    }

    private void openBothEnds() {
        adapter = new SerialTransport(SerialSettings.intelliVue(cable.a().toString()), FAST);
        device = new SerialTransport(SerialSettings.intelliVue(cable.b().toString()), FAST);
        adapter.open(adapterSide);
        device.open(deviceSide);
        await().atMost(5, TimeUnit.SECONDS).until(() -> adapterSide.lastState() == TransportState.CONNECTED
                && deviceSide.lastState() == TransportState.CONNECTED);
    }

    private static byte[] everyByteValue(int repetitions) {
        byte[] bytes = new byte[256 * repetitions];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] result = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            result[i] = bytes[bytes.length - 1 - i];
        }
        return result;
    }
}
