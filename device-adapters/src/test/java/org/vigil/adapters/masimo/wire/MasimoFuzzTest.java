package org.vigil.adapters.masimo.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;

/**
 * Seeded random mutations of the golden lines on the wire: nothing may throw, whatever decodes must map, no value
 * may come out of a line outside what an oximeter shows, and a good line sent after the damage must still come
 * through.
 */
class MasimoFuzzTest {

    private static final int ROUNDS = 30_000;
    private static final List<String> SEEDS = List.of(GoldenLines.RADICAL_7, GoldenLines.RADICAL_7_RAINBOW,
            GoldenLines.RADICAL_5, GoldenLines.SENSOR_OFF);

    private final Random random = new Random(0x3A5130L);

    @Test
    void survivesMutatedLinesAndStillDecodesTheNextGoodOne() {
        // given
        MasimoFramer framer = new MasimoFramer();
        byte[] sentinel = GoldenLines.wire(GoldenLines.RADICAL_7);
        long failures = 0;

        for (int round = 0; round < ROUNDS; round++) {
            // when
            byte[] damaged = mutate(GoldenLines.wire(SEEDS.get(random.nextInt(SEEDS.size()))));
            List<MasimoFrameResult> results = new ArrayList<>(framer.feed(damaged));
            results.addAll(framer.feed(GoldenLines.ascii("\r\n")));
            results.addAll(framer.feed(sentinel));

            // then
            for (MasimoFrameResult result : results.subList(0, results.size() - 1)) {
                if (result instanceof MasimoFrameResult.Line line) {
                    MasimoDecodeResult decoded = MasimoLineDecoder.decode(line.text());
                    if (decoded instanceof MasimoDecodeResult.Decoded good) {
                        assertPlausible(good.reading());
                    } else {
                        failures++;
                    }
                }
            }
            assertThat(results.get(results.size() - 1)).isEqualTo(new MasimoFrameResult.Line(GoldenLines.RADICAL_7));
        }
        assertThat(failures).isPositive();
        assertThat(framer.failureCount()).isPositive();
    }

    private static void assertPlausible(MasimoReading reading) {
        MasimoMapper.observations(reading, DeviceId.of("fuzzed"), new MessageKey("fuzzed", "1"), Instant.EPOCH,
                ZoneId.of("UTC"));
        MasimoCondition.of(reading);
        if (reading.spo2() != null) {
            assertThat(reading.spo2()).isBetween(0, 100);
        }
        if (reading.pulseRate() != null) {
            assertThat(reading.pulseRate()).isBetween(0, 300);
        }
    }

    private byte[] mutate(byte[] original) {
        byte[] bytes = original.clone();
        for (int m = 1 + random.nextInt(4); m > 0 && bytes.length > 0; m--) {
            bytes = switch (random.nextInt(4)) {
                case 0 -> flipBit(bytes);
                case 1 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
                case 2 -> insert(bytes);
                default -> overwrite(bytes);
            };
        }
        return bytes;
    }

    private byte[] flipBit(byte[] bytes) {
        bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        return bytes;
    }

    private byte[] insert(byte[] bytes) {
        byte[] extra = new byte[1 + random.nextInt(300)];
        random.nextBytes(extra);
        int at = random.nextInt(bytes.length + 1);
        byte[] out = new byte[bytes.length + extra.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(bytes, at, out, at + extra.length, bytes.length - at);
        return out;
    }

    private byte[] overwrite(byte[] bytes) {
        byte[] alphabet = GoldenLines.ascii("0123456789-%=. /:\r\nABCDEF");
        bytes[random.nextInt(bytes.length)] = alphabet[random.nextInt(alphabet.length)];
        return bytes;
    }
}
