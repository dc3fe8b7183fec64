package org.vigil.adapters.pump.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PumpReplyDecoderTest {

    @Test
    void decodesAFullStatusReply() {
        // when
        PumpReply reply = decoded(GoldenFrames.STATUS_BODY);

        // then
        assertThat(reply).isEqualTo(new PumpReply.Status("ALR8100-0042", List.of(), PumpMode.INFUSING, 52.5, 10.5,
                42, Duration.ofMinutes(28), 24.5, LocalDateTime.of(2025, 3, 1, 10, 12, 0)));
    }

    @Test
    void decodesAStatusReplyWithOnlyTheSevenRequiredFields() {
        // when
        PumpReply reply = decoded(GoldenFrames.MINIMAL_STATUS_BODY);

        // then
        assertThat(reply).isEqualTo(new PumpReply.Status("SN1", List.of(), PumpMode.IDLE, 0, 0, null, null, null,
                null));
    }

    @Test
    void decodesSeveralActiveAlarms() {
        // when
        PumpReply.Status reply = (PumpReply.Status) decoded(
                "INF^SN1^OCCL_DOWN+BATT_LOW^STOPPED^52.5^12.25^640^--^22.75");

        // then
        assertThat(reply.alarmCodes()).containsExactly("OCCL_DOWN", "BATT_LOW");
        assertThat(reply.mode()).isEqualTo(PumpMode.STOPPED);
        assertThat(reply.timeRemaining()).isNull();
        assertThat(reply.linePressureMmHg()).isEqualTo(640);
    }

    @Test
    void decodesAProgrammeReply() {
        // when
        PumpReply reply = decoded(GoldenFrames.PROGRAMME_BODY);

        // then
        assertThat(reply).isEqualTo(new PumpReply.Programme("KETAMINE", 1.0, 52.5, 35.0, 0.75, "mg/kg/h"));
    }

    @Test
    void decodesAProgrammeWithoutADoseRate() {
        // when
        PumpReply reply = decoded("INF_PROG^SODIUM CHLORIDE 0.9%^0^100^500^--^--");

        // then
        assertThat(reply).isEqualTo(new PumpReply.Programme("SODIUM CHLORIDE 0.9%", 0, 100, 500, null, null));
    }

    @Test
    void decodesAcknowledgementsAndRefusals() {
        // then
        assertThat(decoded("ACK^INF_RATE")).isEqualTo(new PumpReply.Accepted("INF_RATE"));
        assertThat(decoded("NAK^INF_START^REMOTE_DISABLED"))
                .isEqualTo(new PumpReply.Refused("INF_START", "REMOTE_DISABLED"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "INF^SN1^NONE^INFUSING^52.5^10.5^42|status reply with 7 fields, expected 8 to 10",
            "INF^SN1^NONE^FLYING^52.5^10.5^42^--|unknown mode 'FLYING'",
            "INF^SN1^NONE^INFUSING^fast^10.5^42^--|rate 'fast' does not parse",
            "INF^SN1^NONE^INFUSING^-5^10.5^42^--|rate '-5' does not parse",
            "INF^SN1^occl^STOPPED^52.5^10.5^42^--|alarm state 'occl' does not parse",
            "INF^SN 1^NONE^INFUSING^52.5^10.5^42^--|serial number 'SN 1' does not parse",
            "INF^SN1^NONE^INFUSING^52.5^10.5^42^28 min|time remaining '28 min' is not h:mm:ss",
            "INF^SN1^NONE^INFUSING^52.5^10.5^42^0:28:00^24.5^20250231101200|device time '20250231101200' is not yyyyMMddHHmmss",
            "INF_PROG^^1^52.5^35^0.75^mg/kg/h|empty drug name",
            "INF_PROG^KETAMINE^1^52.5^35^0.75^--|dose rate without a unit",
            "BOLUS^12|unknown reply 'BOLUS'",
            "ACK|acknowledgement with 1 fields, expected 2"})
    void returnsAFailureValueForAReplyThatDoesNotParse(String body, String reason) {
        // when
        PumpDecodeResult result = PumpReplyDecoder.decode(body);

        // then
        assertThat(result).isInstanceOf(PumpDecodeResult.Failed.class);
        assertThat(((PumpDecodeResult.Failed) result).reason()).isEqualTo(reason + " in " + body);
    }

    private static PumpReply decoded(String body) {
        PumpDecodeResult result = PumpReplyDecoder.decode(body);
        assertThat(result).isInstanceOf(PumpDecodeResult.Decoded.class);
        return ((PumpDecodeResult.Decoded) result).reply();
    }
}
