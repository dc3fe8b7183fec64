package org.vigil.adapters.intellivue.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.adapters.intellivue.wire.TestBytes.concat;
import static org.vigil.adapters.intellivue.wire.TestBytes.hex;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.DeviceId;

/**
 * Seeded random mutations of real and hand-made messages, both inside correctly framed payloads (so the decoder
 * sees them) and on the wire (so the framer does): nothing may throw, and a valid frame sent after the damage must
 * still come through.
 */
class IntelliVueFuzzTest {

    private static final int ROUNDS = 120_000;
    private static final byte[] SENTINEL = TestBytes.capture(4);

    private final Random random = new Random(0x1D7E11AEL);
    private final List<byte[]> seeds = seeds();

    @Test
    void survivesMutatedFramesAndStillDecodesTheNextValidOne() {
        // given
        MibFramer framer = new MibFramer(2048);
        byte[] sentinelFrame = MibFrameEncoder.encode(SENTINEL);
        long decodeFailures = 0;

        for (int round = 0; round < ROUNDS; round++) {
            // when
            byte[] damaged = round % 2 == 0
                    ? MibFrameEncoder.encode(mutate(pick()))
                    : mutate(MibFrameEncoder.encode(pick()));
            List<MibFrameResult> results = new ArrayList<>(framer.feed(damaged));
            results.addAll(framer.feed(sentinelFrame));

            // then
            for (MibFrameResult result : results) {
                if (result instanceof MibFrameResult.Frame frame
                        && MonitorMessageDecoder.decode(frame.payload()) instanceof DecodeResult.Failed) {
                    decodeFailures++;
                }
            }
            MibFrameResult last = results.get(results.size() - 1);
            assertThat(last).isInstanceOf(MibFrameResult.Frame.class);
            byte[] payload = ((MibFrameResult.Frame) last).payload();
            assertThat(payload).containsExactly(SENTINEL);
            assertThat(MonitorMessageDecoder.decode(payload)).isInstanceOf(DecodeResult.Decoded.class);
        }
        assertThat(framer.failureCount()).isPositive();
        assertThat(decodeFailures).isPositive();
    }

    @Test
    void keepsASessionPollingThroughMutatedMessages() {
        // given
        IntelliVueClient client = new IntelliVueClient(
                IntelliVueClientSettings.defaults(new DeviceId("fuzzed"), ZoneId.of("UTC")).withAcceptDemoData(true));
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        client.start(now);
        client.receive(MibFrameEncoder.encode(hex("0E 0E 05 08 13 01 00 16 01 02 80 00 14 02 00 02")), now);
        client.receive(MibFrameEncoder.encode(TestBytes.capture(1)), now);
        byte[] numerics = MibFrameEncoder.encode(TestBytes.capture(3));

        for (int round = 0; round < 20_000; round++) {
            // when
            byte[] damaged = MibFrameEncoder.encode(mutate(pollResultSeed()));
            List<ClientAction> actions = client.receive(concat(damaged, numerics), now);

            // then
            assertThat(actions).last().isInstanceOf(ClientAction.Publish.class);
        }
        assertThat(client.state()).isEqualTo(ClientState.POLLING);
    }

    private byte[] pick() {
        return seeds.get(random.nextInt(seeds.size()));
    }

    private byte[] pollResultSeed() {
        return TestBytes.capture(2 + random.nextInt(2));
    }

    private byte[] mutate(byte[] original) {
        byte[] bytes = original.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            bytes = switch (random.nextInt(5)) {
                case 0 -> flipBits(bytes);
                case 1 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
                case 2 -> insert(bytes);
                case 3 -> corruptLength(bytes);
                default -> overwrite(bytes);
            };
        }
        return bytes;
    }

    private byte[] flipBits(byte[] bytes) {
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }

    private byte[] insert(byte[] bytes) {
        byte[] extra = new byte[1 + random.nextInt(6)];
        random.nextBytes(extra);
        int at = random.nextInt(bytes.length + 1);
        return concat(Arrays.copyOf(bytes, at), extra, Arrays.copyOfRange(bytes, at, bytes.length));
    }

    /** Lengths are 16-bit big-endian throughout; hit one by rewriting an aligned pair. */
    private byte[] corruptLength(byte[] bytes) {
        if (bytes.length < 2) {
            return bytes;
        }
        int at = random.nextInt(bytes.length / 2) * 2;
        int value = switch (random.nextInt(3)) {
            case 0 -> 0xFFFF;
            case 1 -> ((bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF)) + random.nextInt(9) - 4;
            default -> random.nextInt(0x10000);
        };
        bytes[at] = (byte) (value >>> 8);
        bytes[at + 1] = (byte) value;
        return bytes;
    }

    private byte[] overwrite(byte[] bytes) {
        bytes[random.nextInt(bytes.length)] = (byte) (random.nextBoolean() ? 0xC0 : random.nextInt(256));
        return bytes;
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>(TestBytes.captureLines());
        seeds.add(hex("0E 0E 05 08 13 01 00 16 01 02 80 00 14 02 00 02"));
        seeds.add(hex("0C 03 32 01 00"));
        seeds.add(ClientMessageEncoder.releaseResult());
        seeds.add(hex("E1 00 00 02 00 03 00 06 00 07 00 11 00 00"));
        return seeds;
    }
}
