package org.vigil.adapters.intellivue.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.adapters.intellivue.wire.TestBytes.hex;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.adapters.intellivue.wire.MonitorMessage.Linked;
import org.vigil.adapters.intellivue.wire.MonitorMessage.ManagedObject;
import org.vigil.adapters.intellivue.wire.MonitorMessage.MdsCreateEvent;
import org.vigil.adapters.intellivue.wire.MonitorMessage.NumericValue;
import org.vigil.adapters.intellivue.wire.MonitorMessage.PollResult;

/**
 * Decodes messages of a real monitor: the public capture in {@code intellivue/mds-create-and-numerics-capture.hex}
 * (github.com/jaj42/intellipy, tests/data/enumeration_replies.hex), plus hand-made edge cases.
 */
class MonitorMessageDecoderTest {

    private static final int DEMO = 0x0400;
    private static final int DEMO_ALARMS_INHIBITED = 0x0401;

    @Test
    void decodesTheMdsCreateEventReportOfARealMonitor() {
        // when
        MonitorMessage message = decoded(TestBytes.capture(1));

        // then
        assertThat(message).isInstanceOf(MdsCreateEvent.class);
        MdsCreateEvent event = (MdsCreateEvent) message;
        assertThat(event.invokeId()).isEqualTo(1);
        assertThat(event.mds()).isEqualTo(new ManagedObject(0x21, 0, 0));
        assertThat(event.eventTime()).isEqualTo(0x0D58B800L);
        assertThat(event.absoluteTime()).hasValue(LocalDateTime.of(2017, 11, 4, 14, 44, 51));
        assertThat(event.relativeTime()).hasValue(0x0D58B800L);
        assertThat(event.skippedAttributes()).isEqualTo(15);
    }

    @Test
    void decodesTheLastPartOfALinkedExtendedPollResultOfARealMonitor() {
        // when
        PollResult result = (PollResult) decoded(TestBytes.capture(3));

        // then
        assertThat(result.extended()).isTrue();
        assertThat(result.linked()).isEqualTo(Linked.LAST);
        assertThat(result.invokeId()).isEqualTo(0x03EB);
        assertThat(result.relativeTime()).isEqualTo(0x0D617300L);
        assertThat(result.absoluteTime()).isEmpty();
        assertThat(result.objectClass()).isEqualTo(6);
        assertThat(summaries(result.numerics())).containsExactly(
                "f0e5 400 aa0 60.0",
                "4182 400 aa0 60.0",
                "500a 401 ae0 15.0",
                "4bb8 400 220 95.0",
                "4822 401 aa0 60.0",
                "4bb0 400 200 10.0");
        assertThat(result.skippedObjects()).isEqualTo(4);
        assertThat(result.skippedAttributes()).isGreaterThan(40);
    }

    @Test
    void decodesCompoundValuesAndTheirOwnTimeStampFromARealMonitor() {
        // when
        PollResult result = (PollResult) decoded(TestBytes.capture(2));

        // then
        assertThat(result.linked()).isEqualTo(Linked.FIRST);
        assertThat(summaries(result.numerics())).containsExactly(
                "4a17 400 f20 91.0", "4a15 400 f20 120.0", "4a16 400 f20 70.0",
                "480a 401 aa0 60.0",
                "4a05 400 f20 120.0", "4a06 400 f20 80.0", "4a07 400 f20 90.0");
        NumericValue systolic = result.numerics().get(4);
        assertThat(systolic.contextId()).isEqualTo(1);
        assertThat(systolic.handle()).isEqualTo(0x826A);
        assertThat(systolic.measuredAt()).hasValue(LocalDateTime.of(2017, 11, 4, 14, 45));
        assertThat(result.numerics().get(0).measuredAt()).isEmpty();
    }

    @Test
    void decodesTheEmptyResultThatClosesALinkedReply() {
        // when
        PollResult result = (PollResult) decoded(TestBytes.capture(4));

        // then
        assertThat(result.linked()).isEqualTo(Linked.NONE);
        assertThat(result.numerics()).isEmpty();
        assertThat(result.skippedObjects()).isZero();
    }

    @Test
    void judgesUsabilityByMeasurementStateAndFloatType() {
        // given
        FloatType sixty = new FloatType(60);
        FloatType nan = new FloatType(0x007FFFFF);

        // then
        assertThat(numeric(0, sixty).usable()).isTrue();
        assertThat(numeric(DEMO, sixty).usable()).isTrue();
        assertThat(numeric(DEMO, sixty).demoData()).isTrue();
        assertThat(numeric(0x8000, sixty).usable()).as("invalid").isFalse();
        assertThat(numeric(0x4000, sixty).usable()).as("questionable").isFalse();
        assertThat(numeric(0x2000, sixty).usable()).as("unavailable").isFalse();
        assertThat(numeric(0, nan).usable()).as("NaN").isFalse();
        assertThat(numeric(DEMO_ALARMS_INHIBITED, sixty).usable()).isTrue();
    }

    @Test
    void decodesTheSessionLayerMessagesOfTheAssociationDialog() {
        // given: release result and abort as published in VSCapture (xeonfusion/VSCaptureMP, DataConstants),
        // refuse as OpenICE formats it (mdpnp/mdpnp, AssociationProtocolImpl)
        byte[] releaseResult = hex("0A 18 C1 16 61 80 30 80 02 01 01 A0 80 63 80 80 01 00 00 00 00 00 00 00 00 00");
        byte[] releaseRequest = hex("09 18 C1 16 61 80 30 80 02 01 01 A0 80 62 80 80 01 00 00 00 00 00 00 00 00 00");
        byte[] abort = hex("""
                19 2E 11 01 03 C1 29 A0 80 A0 80 30 80 02 01 01 06 02 51 01 00 00 00 00 61 80 30 80 02 01 01 A0
                80 64 80 80 01 01 00 00 00 00 00 00 00 00 00 00""");
        byte[] refuse = hex("0C 03 32 01 00");
        byte[] accept = hex("0E 0E 05 08 13 01 00 16 01 02 80 00 14 02 00 02");

        // then
        assertThat(decoded(releaseResult)).isInstanceOf(MonitorMessage.Released.class);
        assertThat(decoded(releaseRequest)).isInstanceOf(MonitorMessage.ReleaseRequested.class);
        assertThat(decoded(abort)).isInstanceOf(MonitorMessage.Aborted.class);
        assertThat(decoded(refuse)).isInstanceOf(MonitorMessage.AssociationRefused.class);
        assertThat(decoded(accept)).isInstanceOf(MonitorMessage.AssociationAccepted.class);
    }

    @Test
    void decodesALongLengthIndicator() {
        // given
        byte[] accept = TestBytes.concat(hex("0E FF 01 00"), new byte[256]);

        // then
        assertThat(decoded(accept)).isInstanceOf(MonitorMessage.AssociationAccepted.class);
    }

    @Test
    void decodesARemoteOperationError() {
        // when
        MonitorMessage message = decoded(hex("E1 00 00 02 00 03 00 06 00 07 00 11 00 00"));

        // then
        assertThat(message).isEqualTo(new MonitorMessage.RemoteOperationError(7, 0x11));
    }

    @Test
    void passesOverOtherEventReportsAsUnhandled() {
        // given: a confirmed event report of another event type
        byte[] report = hex("E1 00 00 02 00 01 00 14 00 05 00 01 00 0E 00 21 00 00 00 00 00 00 00 01 0D 07 00 00");

        // then
        assertThat(decoded(report)).isEqualTo(new MonitorMessage.Unhandled(1, 1));
    }

    @Test
    void failsWithAValueWhenTheSessionLengthDisagrees() {
        // then
        assertThat(MonitorMessageDecoder.decode(hex("0E 10 05 08"))).isInstanceOf(DecodeResult.Failed.class);
    }

    @Test
    void failsWithAValueOnATruncatedPollResult() {
        // given
        byte[] whole = TestBytes.capture(3);

        // when
        DecodeResult result = MonitorMessageDecoder.decode(Arrays.copyOf(whole, whole.length / 2));

        // then
        assertThat(result).isInstanceOf(DecodeResult.Failed.class);
    }

    @Test
    void failsWithAValueWhenAnInnerLengthRunsPastItsList() {
        // given: the last part of the capture with its PollInfoList length raised by one
        byte[] corrupted = TestBytes.capture(3);
        int pollInfoListLength = 50;
        corrupted[pollInfoListLength + 1]++;

        // then
        assertThat(MonitorMessageDecoder.decode(corrupted)).isInstanceOf(DecodeResult.Failed.class);
    }

    @Test
    void failsWithAValueOnAnUnknownSessionHeader() {
        // then
        assertThat(MonitorMessageDecoder.decode(hex("42 00"))).isInstanceOf(DecodeResult.Failed.class);
        assertThat(MonitorMessageDecoder.decode(new byte[0])).isInstanceOf(DecodeResult.Failed.class);
    }

    private static MonitorMessage decoded(byte[] payload) {
        DecodeResult result = MonitorMessageDecoder.decode(payload);
        assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) result).message();
    }

    private static List<String> summaries(List<NumericValue> numerics) {
        return numerics.stream()
                .map(n -> "%x %x %x %s".formatted(n.physioId(), n.state(), n.unitCode(),
                        n.value().value().orElse(Double.NaN)))
                .toList();
    }

    private static NumericValue numeric(int state, FloatType value) {
        return new NumericValue(0, 1, 0x4182, state, 0x0AA0, value, java.util.Optional.empty());
    }
}
