package org.vigil.adapters.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.adapters.hl7.wire.AckCode;
import org.vigil.core.api.DeviceId;

/** The last negative acknowledgement per device: the latest wins, and a flood of sender names stays bounded. */
class Hl7CountersTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void keepsTheLatestNakOfEachDevice() {
        // given
        Hl7Counters counters = new Hl7Counters();

        // when
        counters.nakSent(new DeviceId("monitor-1"), new Hl7Nak(AckCode.AE, "no numeric observation", T0));
        counters.nakSent(new DeviceId("monitor-1"), new Hl7Nak(AckCode.AR, "unsupported message type",
                T0.plusSeconds(5)));

        // then
        assertThat(counters.lastNak(new DeviceId("monitor-1")))
                .contains(new Hl7Nak(AckCode.AR, "unsupported message type", T0.plusSeconds(5)));
        assertThat(counters.lastNak(new DeviceId("monitor-2"))).isEmpty();
    }

    @Test
    void forgetsTheDeviceWhoseNakIsOldestWhenFull() {
        // given a device that had a NAK first, then again after the others
        Hl7Counters counters = new Hl7Counters();
        counters.nakSent(new DeviceId("first"), new Hl7Nak(AckCode.AE, "one", T0));
        counters.nakSent(new DeviceId("second"), new Hl7Nak(AckCode.AE, "two", T0));
        counters.nakSent(new DeviceId("first"), new Hl7Nak(AckCode.AE, "again", T0));

        // when made-up senders fill the map and more
        for (int n = 0; n < Hl7Counters.MAX_NAK_DEVICES - 1; n++) {
            counters.nakSent(new DeviceId("made-up-" + n), new Hl7Nak(AckCode.AR, "not HL7", T0));
        }

        // then the map holds its bound: the device whose last NAK is oldest is gone, the one NAK'd again is kept
        assertThat(counters.lastNaks()).hasSize(Hl7Counters.MAX_NAK_DEVICES);
        assertThat(counters.lastNak(new DeviceId("second"))).isEmpty();
        assertThat(counters.lastNak(new DeviceId("first")).orElseThrow().reason()).isEqualTo("again");
        assertThat(counters.lastNak(new DeviceId("made-up-" + (Hl7Counters.MAX_NAK_DEVICES - 2)))).isPresent();
    }

    @Test
    void cutsAReasonLongerThanTheBound() {
        // when
        Hl7Nak nak = new Hl7Nak(AckCode.AE, "x".repeat(10_000), T0);

        // then
        assertThat(nak.reason()).hasSize(Hl7Nak.MAX_REASON_LENGTH).endsWith("…");
    }
}
