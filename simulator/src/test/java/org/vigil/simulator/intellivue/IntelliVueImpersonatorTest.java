package org.vigil.simulator.intellivue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntelliVueImpersonatorTest {

    private static final Instant BOOT = Instant.parse("2024-05-02T08:00:00Z");
    private static final SimulatedNumerics VITALS = new SimulatedNumerics(72.0, 97.0, 71.0, 14.0, 128.0, 84.0, 99.0);

    private IntelliVueImpersonator monitor;

    @BeforeEach
    void bootMonitor() {
        monitor = new IntelliVueImpersonator(ImpersonatorConfig.defaults(), NumericsSource.fixed(VITALS), BOOT);
    }

    @Test
    void answersAnAssociationRequestWithResultAndMdsCreateEventReport() {
        // when
        List<byte[]> replies = monitor.receive(framed(PublishedClientMessages.ASSOCIATION_REQUEST),
                BOOT.plusSeconds(2));

        // then
        assertThat(replies).hasSize(2);
        byte[] result = MonitorReplyReader.unwrap(replies.get(0));
        assertThat(result[0]).isEqualTo((byte) 0x0E);
        assertThat(result[1] & 0xFF).isEqualTo(result.length - 2);
        byte[] report = MonitorReplyReader.unwrap(replies.get(1));
        assertThat(Arrays.copyOfRange(report, 0, 6)).containsExactly(0xE1, 0x00, 0x00, 0x02, 0x00, 0x01);
        assertThat(Arrays.copyOfRange(report, 10, 12)).as("confirmed event report").containsExactly(0x00, 0x01);
        assertThat(Arrays.copyOfRange(report, 24, 26)).as("NOM_NOTI_MDS_CREAT").containsExactly(0x0D, 0x06);
        assertThat(monitor.state()).isEqualTo(IntelliVueImpersonator.State.AWAITING_CONFIRMATION);
    }

    @Test
    void answersPollsOnceTheClientConfirmedTheMds() {
        // given
        associate(BOOT);

        // when
        List<byte[]> replies = monitor.receive(framed(PublishedClientMessages.EXTENDED_NUMERIC_POLL),
                BOOT.plusSeconds(1));

        // then
        MonitorReplyReader.Poll poll = MonitorReplyReader.poll(MonitorReplyReader.unwrap(replies.get(0)), true);
        assertThat(poll.invokeId()).isEqualTo(1);
        assertThat(poll.pollNumber()).isEqualTo(1);
        assertThat(poll.objectClass()).isEqualTo(6);
        assertThat(poll.relativeTime()).isEqualTo(8000);
        assertThat(poll.values()).containsExactly(
                entry(0x4182, 72), entry(0x4BB8, 97), entry(0x4822, 71), entry(0x500A, 14),
                entry(0x4A05, 128), entry(0x4A06, 84), entry(0x4A07, 99));
    }

    @Test
    void sendsNanForValuesThatAreNotAvailable() {
        // given
        monitor = new IntelliVueImpersonator(ImpersonatorConfig.defaults(),
                NumericsSource.fixed(new SimulatedNumerics(72.0, null, null, 14.0, null, null, null)), BOOT);
        associate(BOOT);

        // when
        byte[] reply = monitor.receive(framed(PublishedClientMessages.SINGLE_NUMERIC_POLL), BOOT).get(0);

        // then
        MonitorReplyReader.Poll poll = MonitorReplyReader.poll(MonitorReplyReader.unwrap(reply), false);
        assertThat(poll.values()).containsEntry(0x4182, 72).containsEntry(0x4BB8, 0x007FFFFF)
                .containsEntry(0x4A05, 0x007FFFFF).containsEntry(0x4A07, 0x007FFFFF);
    }

    @Test
    void answersAKeepAlivePollOfTheMdsWithoutNumerics() {
        // given
        associate(BOOT);

        // when
        byte[] reply = monitor.receive(framed(PublishedClientMessages.SINGLE_MDS_POLL), BOOT).get(0);

        // then
        MonitorReplyReader.Poll poll = MonitorReplyReader.poll(MonitorReplyReader.unwrap(reply), false);
        assertThat(poll.objectClass()).isEqualTo(0x21);
        assertThat(poll.values()).isEmpty();
    }

    @Test
    void ignoresPollsBeforeTheMdsIsConfirmed() {
        // given
        monitor.receive(framed(PublishedClientMessages.ASSOCIATION_REQUEST), BOOT);

        // when
        List<byte[]> replies = monitor.receive(framed(PublishedClientMessages.EXTENDED_NUMERIC_POLL), BOOT);

        // then
        assertThat(replies).isEmpty();
        assertThat(monitor.rejected()).isEqualTo(1);
    }

    @Test
    void letsItsRelativeTimeWrapAroundAtThirtyTwoBits() {
        // given: 100 ms before the counter wraps
        monitor = new IntelliVueImpersonator(
                ImpersonatorConfig.defaults().withInitialRelativeTime(0x1_0000_0000L - 800),
                NumericsSource.fixed(VITALS), BOOT);

        // then
        assertThat(monitor.relativeTime(BOOT.plusMillis(50))).isEqualTo(0xFFFF_FE70L);
        assertThat(monitor.relativeTime(BOOT.plusMillis(100))).isZero();
        assertThat(monitor.relativeTime(BOOT.plusMillis(150))).isEqualTo(400);
    }

    @Test
    void dropsAClientItHasNotHeardFromWithAnAbort() {
        // given
        associate(BOOT);

        // when
        List<byte[]> stillAssociated = monitor.tick(BOOT.plus(Duration.ofMillis(9_999)));
        List<byte[]> dropped = monitor.tick(BOOT.plusSeconds(10));

        // then
        assertThat(stillAssociated).isEmpty();
        assertThat(MonitorReplyReader.unwrap(dropped.get(0))[0]).isEqualTo((byte) 0x19);
        assertThat(monitor.state()).isEqualTo(IntelliVueImpersonator.State.IDLE);
    }

    @Test
    void canDropAClientSilently() {
        // given
        monitor = new IntelliVueImpersonator(ImpersonatorConfig.defaults().withAbortWhenDropping(false),
                NumericsSource.fixed(VITALS), BOOT);
        associate(BOOT);

        // when
        List<byte[]> dropped = monitor.tick(BOOT.plusSeconds(10));
        List<byte[]> afterwards = monitor.receive(framed(PublishedClientMessages.EXTENDED_NUMERIC_POLL),
                BOOT.plusSeconds(11));

        // then
        assertThat(dropped).isEmpty();
        assertThat(afterwards).isEmpty();
        assertThat(monitor.state()).isEqualTo(IntelliVueImpersonator.State.IDLE);
    }

    @Test
    void staysAssociatedWhilePolled() {
        // given
        associate(BOOT);

        // when
        for (int s = 1; s <= 30; s++) {
            monitor.receive(framed(PublishedClientMessages.EXTENDED_NUMERIC_POLL), BOOT.plusSeconds(s));
            monitor.tick(BOOT.plusSeconds(s).plusMillis(500));
        }

        // then
        assertThat(monitor.state()).isEqualTo(IntelliVueImpersonator.State.ASSOCIATED);
        assertThat(monitor.pollsAnswered()).isEqualTo(30);
    }

    @Test
    void releasesOnRequest() {
        // given
        associate(BOOT);

        // when
        List<byte[]> replies = monitor.receive(framed(PublishedClientMessages.RELEASE_REQUEST), BOOT);

        // then
        assertThat(MonitorReplyReader.unwrap(replies.get(0))[0]).isEqualTo((byte) 0x0A);
        assertThat(monitor.state()).isEqualTo(IntelliVueImpersonator.State.IDLE);
    }

    @Test
    void countsDamagedFramesAndKeepsAnswering() {
        // given
        associate(BOOT);
        byte[] damaged = framed(PublishedClientMessages.EXTENDED_NUMERIC_POLL);
        damaged[12] ^= 0x01;
        byte[] stream = MessageBuilder.create().raw(new byte[] {1, 2})
                .raw(damaged).raw(framed(PublishedClientMessages.EXTENDED_NUMERIC_POLL)).build();

        // when
        List<byte[]> replies = monitor.receive(stream, BOOT);

        // then
        assertThat(replies).hasSize(1);
        assertThat(monitor.rejected()).isEqualTo(1);
    }

    private void associate(Instant now) {
        monitor.receive(framed(PublishedClientMessages.ASSOCIATION_REQUEST), now);
        monitor.receive(framed(PublishedClientMessages.MDS_CREATE_EVENT_RESULT), now);
    }

    private static byte[] framed(byte[] message) {
        return SerialFrames.wrap(message);
    }
}
