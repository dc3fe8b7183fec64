package org.vigil.adapters.intellivue.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.adapters.intellivue.wire.TestBytes.hex;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.vigil.adapters.intellivue.wire.MonitorMessage.ManagedObject;
import org.vigil.adapters.intellivue.wire.MonitorMessage.MdsCreateEvent;

/**
 * The client's requests must be byte for byte the messages published in VSCapture (xeonfusion/VSCaptureMP,
 * {@code DataConstants}: {@code aarq_msg}, {@code mds_create_resp_msg}, {@code ext_poll_request_msg},
 * {@code poll_request_msg}, {@code poll_mds_request_msg}, {@code rlrq_msg}, {@code rlrq_resp_msg}), which follow the
 * Data Export Interface Programming Guide and are known to work with real monitors.
 */
class ClientMessageEncoderTest {

    @Test
    void encodesThePublishedAssociationRequest() {
        // given
        byte[] published = hex("""
                0D EC 05 08 13 01 00 16 01 02 80 00 14 02 00 02 C1 DC 31 80 A0 80 80 01 01 00 00 A2 80 A0 03 00
                00 01 A4 80 30 80 02 01 01 06 04 52 01 00 01 30 80 06 02 51 01 00 00 00 00 30 80 02 01 02 06 0C
                2A 86 48 CE 14 02 01 00 00 00 01 01 30 80 06 0C 2A 86 48 CE 14 02 01 00 00 00 02 01 00 00 00 00
                00 00 61 80 30 80 02 01 01 A0 80 60 80 A1 80 06 0C 2A 86 48 CE 14 02 01 00 00 00 03 01 00 00 BE
                80 28 80 06 0C 2A 86 48 CE 14 02 01 00 00 00 01 01 02 01 02 81 48 80 00 00 00 40 00 00 00 00 00
                00 00 80 00 00 00 20 00 00 00 00 00 00 00 00 01 00 2C 00 01 00 28 80 00 00 00 00 00 09 C4 00 00
                09 C4 00 00 03 E8 FF FF FF FF 60 00 00 00 00 01 00 0C F0 01 00 08 8C 00 00 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00 00 00 00 00 00 00""");

        // then
        assertThat(published).hasSize(2 + 0xEC);
        assertThat(ClientMessageEncoder.associationRequest()).containsExactly(published);
    }

    @Test
    void encodesThePublishedMdsCreateEventResult() {
        // given
        MdsCreateEvent event = new MdsCreateEvent(1, new ManagedObject(0x21, 0, 0), 0x000ABD00L, Optional.empty(),
                OptionalLong.empty(), 0);
        byte[] published = hex("""
                E1 00 00 02 00 02 00 14 00 01 00 01 00 0E 00 21 00 00 00 00 00 0A BD 00 0D 06 00 00""");

        // then
        assertThat(ClientMessageEncoder.mdsCreateEventResult(event)).containsExactly(published);
    }

    @Test
    void encodesThePublishedExtendedPollRequestForNumerics() {
        // given
        byte[] published = hex("""
                E1 00 00 02 00 01 00 20 00 01 00 07 00 1A 00 21 00 00 00 00 00 00 00 00 F1 3B 00 0C 00 01 00 01
                00 06 00 00 00 00 00 00""");

        // then
        assertThat(ClientMessageEncoder.extendedNumericPoll(1, 1)).containsExactly(published);
    }

    @Test
    void encodesThePublishedSinglePollRequests() {
        // given
        byte[] numerics = hex("""
                E1 00 00 02 00 01 00 1C 00 00 00 07 00 16 00 21 00 00 00 00 00 00 00 00 0C 16 00 08 00 01 00 01
                00 06 00 00""");
        byte[] mds = hex("""
                E1 00 00 02 00 01 00 1C 00 00 00 07 00 16 00 21 00 00 00 00 00 00 00 00 0C 16 00 08 00 01 00 01
                00 21 00 00""");

        // then
        assertThat(ClientMessageEncoder.singleNumericPoll(0, 1)).containsExactly(numerics);
        assertThat(ClientMessageEncoder.keepAlivePoll(0, 1)).containsExactly(mds);
    }

    @Test
    void encodesThePublishedReleaseMessages() {
        // then
        assertThat(ClientMessageEncoder.releaseRequest()).containsExactly(
                hex("09 18 C1 16 61 80 30 80 02 01 01 A0 80 62 80 80 01 00 00 00 00 00 00 00 00 00"));
        assertThat(ClientMessageEncoder.releaseResult()).containsExactly(
                hex("0A 18 C1 16 61 80 30 80 02 01 01 A0 80 63 80 80 01 00 00 00 00 00 00 00 00 00"));
    }

    @Test
    void carriesTheInvokeIdAndPollNumberItIsGiven() {
        // when
        byte[] poll = ClientMessageEncoder.extendedNumericPoll(0x1234, 0xBEEF);

        // then
        assertThat(poll[8]).isEqualTo((byte) 0x12);
        assertThat(poll[9]).isEqualTo((byte) 0x34);
        assertThat(poll[28]).isEqualTo((byte) 0xBE);
        assertThat(poll[29]).isEqualTo((byte) 0xEF);
    }
}
