package org.vigil.adapters.intellivue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.adapters.intellivue.wire.ClientState;
import org.vigil.adapters.intellivue.wire.IntelliVueClientSettings;
import org.vigil.adapters.transport.CodecOutput;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.Observation;
import org.vigil.core.api.Vital;
import org.vigil.simulator.intellivue.ImpersonatorConfig;
import org.vigil.simulator.intellivue.IntelliVueImpersonator;
import org.vigil.simulator.intellivue.NumericsSource;
import org.vigil.simulator.intellivue.SimulatedNumerics;

/** The codec against the simulator's impersonated monitor, in memory, with time stepped by the test. */
class IntelliVueCodecTest {

    private static final Instant T0 = Instant.parse("2024-05-02T07:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final IntelliVueClientSettings CONFIG =
            IntelliVueClientSettings.defaults(new DeviceId("intellivue-chair-4"), ZONE);
    private static final SimulatedNumerics VITALS = new SimulatedNumerics(64.0, 95.0, 63.0, 11.0, 142.0, 91.0, 108.0);

    private final IntelliVueCodec codec = new IntelliVueCodec(CONFIG);
    private final List<DeviceObservations> results = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private IntelliVueImpersonator monitor = newMonitor();
    private int framesDecoded;
    private int chunkSize = 64;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void deliversTheMonitorsNumericsWhateverTheChunkSize(int size) {
        // given
        chunkSize = size;

        // when
        toMonitor(codec.connected(T0), T0);
        run(T0, Duration.ofMillis(3_050));

        // then
        assertThat(results).hasSize(4);
        assertThat(results.get(0).deviceId()).isEqualTo(new DeviceId("intellivue-chair-4"));
        assertThat(results.get(0).observations())
                .extracting(Observation::vital, Observation::value)
                .containsExactly(
                        tuple(Optional.of(Vital.HEART_RATE), 64.0),
                        tuple(Optional.of(Vital.SPO2), 95.0),
                        tuple(Optional.of(Vital.PULSE_RATE), 63.0),
                        tuple(Optional.of(Vital.RESPIRATORY_RATE), 11.0),
                        tuple(Optional.of(Vital.NIBP_SYSTOLIC), 142.0),
                        tuple(Optional.of(Vital.NIBP_DIASTOLIC), 91.0),
                        tuple(Optional.of(Vital.NIBP_MEAN), 108.0));
        assertThat(framesDecoded).as("association result, MDS create event and four poll results").isEqualTo(6);
        assertThat(failures).isEmpty();
        assertThat(codec.state()).isEqualTo(ClientState.POLLING);
    }

    @Test
    void reportsDamagedFramesAsFailuresAndGoesOn() {
        // given
        toMonitor(codec.connected(T0), T0);
        Instant t = run(T0, Duration.ofMillis(1_050));
        int before = results.size();

        // when: a frame with a broken FCS, then garbage before the next poll's answer
        toMonitor(codec.received(new byte[] {(byte) 0xC0, 0x11, 0x01, 0x00, 0x01, 0x42, 0x00, 0x00, (byte) 0xC1}, t),
                t);
        toMonitor(codec.received(new byte[] {0x55, 0x55}, t), t);
        run(t, Duration.ofMillis(1_000));

        // then
        assertThat(failures).hasSize(2).allMatch(reason -> reason.startsWith("IntelliVue frame rejected"));
        assertThat(results).hasSize(before + 1);
    }

    @Test
    void startsANewAssociationOnEveryConnection() {
        // given
        toMonitor(codec.connected(T0), T0);
        Instant t = run(T0, Duration.ofMillis(1_050));

        // when the link drops and comes back to a monitor that was restarted meanwhile
        codec.disconnected(t);
        ClientState whileDown = codec.state();
        CodecOutput<DeviceObservations> whileDownTick = codec.tick(t.plusSeconds(1));
        monitor = newMonitor();
        t = t.plusSeconds(5);
        CodecOutput<DeviceObservations> reconnected = codec.connected(t);
        int before = results.size();
        toMonitor(reconnected, t);
        run(t, Duration.ofMillis(1_050));

        // then
        assertThat(whileDown).isEqualTo(ClientState.DISCONNECTED);
        assertThat(whileDownTick.writes()).isEmpty();
        assertThat(reconnected.writes()).hasSize(1);
        assertThat(monitor.associations()).isEqualTo(1);
        assertThat(results).hasSize(before + 2);
        assertThat(codec.state()).isEqualTo(ClientState.POLLING);
    }

    @Test
    void ignoresBytesWhileNotConnected() {
        // when
        CodecOutput<DeviceObservations> output = codec.received(new byte[] {(byte) 0xC0, 0x11}, T0);

        // then
        assertThat(output.results()).isEmpty();
        assertThat(output.writes()).isEmpty();
        assertThat(output.failures()).isEmpty();
    }

    private static IntelliVueImpersonator newMonitor() {
        return new IntelliVueImpersonator(ImpersonatorConfig.defaults().withZone(ZONE), NumericsSource.fixed(VITALS),
                T0.minusSeconds(60));
    }

    private Instant run(Instant from, Duration length) {
        Instant t = from;
        for (Instant end = from.plus(length); t.isBefore(end); t = t.plus(Duration.ofMillis(50))) {
            toCodec(monitor.tick(t), t);
            toMonitor(codec.tick(t), t);
        }
        return t;
    }

    private void toMonitor(CodecOutput<DeviceObservations> output, Instant now) {
        results.addAll(output.results());
        failures.addAll(output.failures());
        framesDecoded += output.framesDecoded();
        for (byte[] frame : output.writes()) {
            toCodec(monitor.receive(frame, now), now);
        }
    }

    private void toCodec(List<byte[]> frames, Instant now) {
        for (byte[] frame : frames) {
            for (int i = 0; i < frame.length; i += chunkSize) {
                toMonitor(codec.received(Arrays.copyOfRange(frame, i, Math.min(frame.length, i + chunkSize)), now),
                        now);
            }
        }
    }
}
