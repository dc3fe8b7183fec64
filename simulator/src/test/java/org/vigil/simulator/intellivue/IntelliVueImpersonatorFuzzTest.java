package org.vigil.simulator.intellivue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random damage to the client's messages never breaks the impersonated monitor. */
class IntelliVueImpersonatorFuzzTest {

    private static final Instant BOOT = Instant.parse("2024-05-02T08:00:00Z");
    private static final List<byte[]> SEEDS = List.of(PublishedClientMessages.EXTENDED_NUMERIC_POLL,
            PublishedClientMessages.SINGLE_NUMERIC_POLL, PublishedClientMessages.SINGLE_MDS_POLL,
            PublishedClientMessages.MDS_CREATE_EVENT_RESULT);

    private final Random random = new Random(42);

    @Test
    void keepsAnsweringPollsThroughDamagedClientMessages() {
        // given
        IntelliVueImpersonator monitor = new IntelliVueImpersonator(ImpersonatorConfig.defaults(),
                NumericsSource.fixed(new SimulatedNumerics(72.0, 97.0, 71.0, 14.0, 128.0, 84.0, 99.0)), BOOT);
        monitor.receive(SerialFrames.wrap(PublishedClientMessages.ASSOCIATION_REQUEST), BOOT);
        monitor.receive(SerialFrames.wrap(PublishedClientMessages.MDS_CREATE_EVENT_RESULT), BOOT);
        byte[] poll = SerialFrames.wrap(PublishedClientMessages.EXTENDED_NUMERIC_POLL);

        for (int round = 0; round < 20_000; round++) {
            // when
            byte[] damaged = random.nextBoolean()
                    ? SerialFrames.wrap(mutate(SEEDS.get(random.nextInt(SEEDS.size()))))
                    : mutate(SerialFrames.wrap(SEEDS.get(random.nextInt(SEEDS.size()))));
            monitor.receive(damaged, BOOT);
            List<byte[]> replies = monitor.receive(poll, BOOT);

            // then
            assertThat(replies).hasSize(1);
            assertThat(MonitorReplyReader.poll(MonitorReplyReader.unwrap(replies.get(0)), true).values()).hasSize(7);
        }
        assertThat(monitor.rejected()).isPositive();
    }

    private byte[] mutate(byte[] original) {
        byte[] bytes = original.clone();
        switch (random.nextInt(3)) {
            case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            default -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
