package org.vigil.simulator.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AcknowledgementDecoderTest {

    private static final String MSH = "MSH|^~\\&|VIGIL|VIGIL|VIGIL_SIM||20240301093015+0000||ACK^R01^ACK|A1|P|2.6\r";

    @ParameterizedTest
    @CsvSource({"AA,ACCEPT", "AE,ERROR", "AR,REJECT", "CA,ACCEPT", "CE,ERROR", "CR,REJECT"})
    void foldsBothAcknowledgementModes(String msa1, AckCode expected) {
        // when
        var ack = AcknowledgementDecoder.decode(MSH + "MSA|" + msa1 + "|ctl-9\r");

        // then
        assertThat(ack).hasValueSatisfying(a -> {
            assertThat(a.code()).isEqualTo(expected);
            assertThat(a.rawCode()).isEqualTo(msa1);
            assertThat(a.controlId()).isEqualTo("ctl-9");
            assertThat(a.reason()).isEmpty();
        });
    }

    @Test
    void collectsTheReasonFromMsaAndErr() {
        // given
        String nak = MSH + "MSA|AE|ctl-9|storage unavailable\r"
                + "ERR||OBX^4|207^Application internal error^HL70357|E|||event store down|retry later\r";

        // when
        var ack = AcknowledgementDecoder.decode(nak);

        // then
        assertThat(ack).get().extracting(Acknowledgement::reason)
                .isEqualTo("storage unavailable; Application internal error; event store down; retry later");
    }

    @Test
    void readsDelimitersFromTheHeader() {
        // given
        String ack = "MSH#$~\\&#VIGIL#VIGIL#VIGIL_SIM##20240301093015+0000##ACK$R01$ACK#A1#P#2.6\n"
                + "MSA#AR#ctl-5\nERR###100$Segment sequence error$HL70357#E\n";

        // when
        var decoded = AcknowledgementDecoder.decode(ack);

        // then
        assertThat(decoded).get().satisfies(a -> {
            assertThat(a.code()).isEqualTo(AckCode.REJECT);
            assertThat(a.controlId()).isEqualTo("ctl-5");
            assertThat(a.reason()).isEqualTo("Segment sequence error");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "MSH|^~\\&|X\rPID|||1\r", "MSH|^~\\&|X\rMSA|ZZ|ctl\r", "MSA|AA|ctl\r"})
    void returnsNothingForAReplyThatIsNotAnAcknowledgement(String text) {
        // when
        var ack = AcknowledgementDecoder.decode(text);

        // then
        assertThat(ack).isEmpty();
    }
}
