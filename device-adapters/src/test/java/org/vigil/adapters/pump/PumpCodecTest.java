package org.vigil.adapters.pump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.adapters.pump.wire.PumpFrames;
import org.vigil.adapters.transport.CodecOutput;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;

class PumpCodecTest {

    private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");
    private static final String STATUS = "INF^SN1^NONE^INFUSING^52.5^10.5^42^0:28:00^24.5";
    private static final String PROGRAMME = "INF_PROG^KETAMINE^1^52.5^35^0.75^mg/kg/h";

    private final PumpCodec codec = new PumpCodec(PumpCodecSettings.defaults(DeviceId.of("chair-1-pump")));

    @Test
    void asksForTheProgrammeAndPollsAsSoonAsConnected() {
        // when
        CodecOutput<PumpReport> output = codec.connected(START);

        // then
        assertThat(texts(output)).containsExactly("!INF_PROG|86FD\r", "!INF|4961\r");
        assertThat(codec.counters().pollsSent()).isEqualTo(1);
    }

    @Test
    void pollsEveryTwoSecondsByDefault() {
        // given
        codec.connected(START);

        // when
        CodecOutput<PumpReport> early = codec.tick(START.plusMillis(1_900));
        CodecOutput<PumpReport> due = codec.tick(START.plusSeconds(2));

        // then
        assertThat(early.writes()).isEmpty();
        assertThat(texts(due)).containsExactly("!INF|4961\r");
    }

    @Test
    void countsAPollStillUnansweredWhenTheNextIsDue() {
        // given
        codec.connected(START);

        // when
        codec.tick(START.plusSeconds(2));
        codec.received(PumpFrames.frame(STATUS), START.plusMillis(2_100));
        codec.tick(START.plusSeconds(4));

        // then
        assertThat(codec.counters().pollsSent()).isEqualTo(3);
        assertThat(codec.counters().pollsUnanswered()).isEqualTo(1);
    }

    @Test
    void turnsEachStatusReplyIntoAReportWithTheLastProgrammeAndAUniqueKey() {
        // given
        codec.connected(START);
        Instant at = START.plusMillis(40);

        // when
        CodecOutput<PumpReport> programme = codec.received(PumpFrames.frame(PROGRAMME), at);
        CodecOutput<PumpReport> first = codec.received(PumpFrames.frame(STATUS), at);
        CodecOutput<PumpReport> second = codec.received(PumpFrames.frame(STATUS), at.plusSeconds(2));

        // then
        assertThat(programme.results()).isEmpty();
        assertThat(programme.framesDecoded()).isEqualTo(1);
        PumpReport report = first.results().get(0);
        assertThat(report.status()).isEqualTo(PumpStatus.INFUSING);
        assertThat(report.programme().drug()).isEqualTo("KETAMINE");
        assertThat(report.programme().vtbiMl()).isEqualTo(35.0);
        assertThat(report.volumeInfusedMl()).isEqualTo(10.5);
        assertThat(report.receivedAt()).isEqualTo(at);
        String connection = Long.toString(START.toEpochMilli(), 36);
        assertThat(report.messageKey()).isEqualTo(new MessageKey("chair-1-pump", connection + "-1"));
        assertThat(second.results().get(0).messageKey()).isEqualTo(new MessageKey("chair-1-pump", connection + "-2"));
    }

    @Test
    void asksForTheProgrammeAgainAtTheNextPollWhenTheRateChanged() {
        // given
        codec.connected(START);
        codec.received(PumpFrames.frame(PROGRAMME), START);

        // when: the nurse set 525 mL/h at the pump
        codec.received(PumpFrames.frame(STATUS.replace("^52.5^", "^525^")), START.plusMillis(50));
        CodecOutput<PumpReport> next = codec.tick(START.plusSeconds(2));

        // then
        assertThat(texts(next)).containsExactly("!INF_PROG|86FD\r", "!INF|4961\r");
    }

    @Test
    void asksForTheProgrammeEveryThirtySecondsByDefault() {
        // given
        codec.connected(START);
        codec.received(PumpFrames.frame(PROGRAMME), START);

        // when
        CodecOutput<PumpReport> at28 = codec.tick(START.plusSeconds(28));
        CodecOutput<PumpReport> at30 = codec.tick(START.plusSeconds(30));

        // then
        assertThat(texts(at28)).containsExactly("!INF|4961\r");
        assertThat(texts(at30)).containsExactly("!INF_PROG|86FD\r", "!INF|4961\r");
    }

    @Test
    void countsBadFramesAndUnparseableRepliesAndGoesOn() {
        // given
        codec.connected(START);
        byte[] badCrc = "!INF^SN1^NONE^IDLE^0^0^--^--|0000\r".getBytes(StandardCharsets.US_ASCII);
        byte[] unknown = PumpFrames.frame("BOLUS^12");

        // when
        CodecOutput<PumpReport> output = codec.received(concat(badCrc, unknown, PumpFrames.frame(STATUS)), START);

        // then
        assertThat(output.failures()).hasSize(2);
        assertThat(output.failures().get(0)).startsWith("pump frame: bad CRC 0000");
        assertThat(output.failures().get(1)).startsWith("pump reply: unknown reply 'BOLUS'");
        assertThat(output.results()).hasSize(1);
        assertThat(codec.counters().badFrames()).isEqualTo(1);
        assertThat(codec.counters().undecodable()).isEqualTo(1);
    }

    @Test
    void startsOverOnANewConnectionWithANewKeyPrefixAndNoPartialFrame() {
        // given
        codec.connected(START);
        codec.received("!INF^SN1^NO".getBytes(StandardCharsets.US_ASCII), START);
        codec.disconnected(START.plusSeconds(1));
        Instant again = START.plus(Duration.ofMinutes(1));

        // when
        codec.connected(again);
        CodecOutput<PumpReport> output = codec.received(PumpFrames.frame(STATUS), again);

        // then
        assertThat(output.failures()).isEmpty();
        assertThat(output.results().get(0).messageKey().controlId())
                .isEqualTo(Long.toString(again.toEpochMilli(), 36) + "-1");
        assertThat(output.results().get(0).programme().drug()).isNull();
        assertThat(codec.counters().pollsUnanswered()).isEqualTo(1);
    }

    @Test
    void sendsNothingWhileDisconnected() {
        // given
        codec.connected(START);
        codec.disconnected(START);

        // when
        CodecOutput<PumpReport> output = codec.tick(START.plusSeconds(10));

        // then
        assertThat(output.writes()).isEmpty();
    }

    @Test
    void sendsARequestedPauseAtTheNextTickWithRemoteControlOnlyAroundTheStop() {
        // given
        codec.connected(START);

        // when
        codec.requestPause();
        CodecOutput<PumpReport> output = codec.tick(START.plusMillis(100));
        CodecOutput<PumpReport> after = codec.tick(START.plusMillis(200));

        // then
        assertThat(texts(output)).extracting(PumpCodecTest::body)
                .containsExactly("REMOTE_CTRL^ENABLED^10", "INF_STOP", "REMOTE_CTRL^DISABLED", "INF");
        assertThat(after.writes()).as("one pause per request").isEmpty();
        assertThat(codec.pausesSent()).isEqualTo(1);
    }

    @Test
    void dropsAPauseRequestedWhileDisconnectedOrLostWithTheLink() {
        // given
        codec.requestPause();
        codec.connected(START);
        codec.requestPause();
        codec.disconnected(START.plusMillis(50));
        codec.connected(START.plusSeconds(1));

        // when
        CodecOutput<PumpReport> output = codec.tick(START.plusMillis(1_100));

        // then
        assertThat(output.writes()).isEmpty();
        assertThat(codec.pausesSent()).isZero();
    }

    /** The body of a frame {@code !<body>|<crc>\r}. */
    private static String body(String frame) {
        return frame.substring(1, frame.lastIndexOf('|'));
    }

    private static List<String> texts(CodecOutput<PumpReport> output) {
        return output.writes().stream().map(bytes -> new String(bytes, StandardCharsets.US_ASCII)).toList();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
