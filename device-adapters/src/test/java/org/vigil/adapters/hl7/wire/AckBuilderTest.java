package org.vigil.adapters.hl7.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AckBuilderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T15:15:02.345Z"), ZoneOffset.UTC);

    private final AckBuilder acks = new AckBuilder(CLOCK);
    private final Hl7Header gateway = Hl7Header.peek(
            "MSH|^~\\&|ACME_Gateway^080019FFFE3ED02D^EUI-64|ACME Healthcare|||20110602050000+0000||ORU^R01^ORU_R01|0104ef190d604db188c3|P|2.6\r")
            .orElseThrow();

    @Test
    void acceptsWithTheSenderAsReceiverAndTheControlIdEchoed() {
        // when
        String ack = acks.accept(gateway);

        // then
        String[] segments = ack.split("\r");
        assertThat(segments).hasSize(2);
        assertThat(segments[0]).matches("MSH\\|\\^~\\\\&\\|VIGIL\\|\\|ACME_Gateway\\^080019FFFE3ED02D\\^EUI-64\\|ACME Healthcare"
                + "\\|20240305151502\\.345\\+0000\\|\\|ACK\\^R01\\^ACK\\|[0-9A-Z]+-1\\|P\\|2\\.6");
        assertThat(segments[1]).isEqualTo("MSA|AA|0104ef190d604db188c3");
        assertThat(ack).endsWith("\r");
    }

    @Test
    void keepsTheSendersHeaderFieldsInTheirFieldsWhateverSeparatorTheSenderChose() {
        // given: a sender whose field separator is \, so | and a block character can sit inside its fields
        Hl7Header message = Hl7Header.peek("MSH\\^~\\GW|A\\ICU|B\\\\\\20250301\\\\ORU^R01^ORU_R01\\7|\u001c9\\P|T\\2.6\r")
                .orElseThrow();

        // when
        String accepted = acks.accept(message);
        String rejected = acks.reject(message, Hl7Failure.reject(Hl7ErrorCode.UNSUPPORTED_EVENT_CODE, "no"));

        // then
        for (String ack : new String[] {accepted, rejected}) {
            String[] segments = ack.split("\r");
            String[] msh = segments[0].split("\\|", -1);
            assertThat(msh).hasSize(12);
            assertThat(msh[4]).isEqualTo("GW\\F\\A");
            assertThat(msh[5]).isEqualTo("ICU\\F\\B");
            assertThat(msh[10]).isEqualTo("P\\F\\T");
            assertThat(segments[1].split("\\|", -1)).hasSize(3).endsWith("7\\F\\\\X1C\\9");
            assertThat(ack).doesNotContain("\u001c");
        }
    }

    @ParameterizedTest
    @CsvSource({"ORU^R40^ORU_R40, ACK^R40^ACK", "ORU^R42^ORU_R01, ACK^R42^ACK", "ORU^R01^ORU_R01, ACK^R01^ACK"})
    void namesTheTriggerEventOfTheAcknowledgedMessage(String messageType, String ackType) {
        // given
        Hl7Header message = Hl7Header.peek("MSH|^~\\&|PAT_DEVICE_BBRAUN^0012211839000001^EUI64|BBRAUN|||20120109175417-0600||"
                + messageType + "|6346172845752460251|P|2.6\r").orElseThrow();

        // when
        String accepted = acks.accept(message);
        String rejected = acks.reject(message, Hl7Failure.error(Hl7ErrorCode.REQUIRED_FIELD_MISSING, "no alarm phase"));

        // then
        assertThat(accepted.split("\r")[0].split("\\|")[8]).isEqualTo(ackType);
        assertThat(accepted.split("\r")[1]).isEqualTo("MSA|AA|6346172845752460251");
        assertThat(rejected.split("\r")[0].split("\\|")[8]).isEqualTo(ackType);
        assertThat(rejected.split("\r")[1]).isEqualTo("MSA|AE|6346172845752460251");
    }

    @Test
    void answersAnErrorWithAnErrSegmentGivingCodeSeverityAndReason() {
        // given
        Hl7Failure failure = Hl7Failure.error(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR,
                "the observations were not stored: database unavailable");

        // when
        String ack = acks.reject(gateway, failure);

        // then
        String[] segments = ack.split("\r");
        assertThat(segments).hasSize(3);
        assertThat(segments[1]).isEqualTo("MSA|AE|0104ef190d604db188c3");
        assertThat(segments[2]).isEqualTo(
                "ERR|||207^Application internal error^HL70357|E||||the observations were not stored: database unavailable");
    }

    @Test
    void answersAMessageItCouldNotReadWithARejectionAndEmptyIds() {
        // given
        Hl7Failure failure = Hl7Failure.reject(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR,
                "the message does not start with an MSH segment");

        // when
        String ack = acks.reject(Hl7Header.unknown(), failure);

        // then
        String[] segments = ack.split("\r");
        assertThat(segments[0]).startsWith("MSH|^~\\&|VIGIL||||").contains("|ACK^R01^ACK|").endsWith("|P|2.6");
        assertThat(segments[1]).isEqualTo("MSA|AR|");
        assertThat(segments[2]).isEqualTo(
                "ERR|||100^Segment sequence error^HL70357|E||||the message does not start with an MSH segment");
    }

    @Test
    void echoesTheTriggerEventAndProcessingIdOfTheMessage() {
        // given
        Hl7Header admission = Hl7Header.peek("MSH|^~\\&|ADT|HOSP|||20240305||ADT^A01^ADT_A01|9|T|2.5").orElseThrow();

        // when
        String ack = acks.reject(admission, Hl7Failure.reject(Hl7ErrorCode.UNSUPPORTED_MESSAGE_TYPE, "no"));

        // then
        assertThat(ack.split("\r")[0]).contains("|ACK^A01^ACK|").endsWith("|T|2.6");
    }

    @Test
    void escapesDelimitersInTheReason() {
        // given
        Hl7Failure failure = Hl7Failure.error(Hl7ErrorCode.DATA_TYPE_ERROR, "bad OBX|5 ^value~ & \\ \r\nend");

        // when
        String err = acks.reject(gateway, failure).split("\r")[2];

        // then
        assertThat(err).endsWith("|E||||bad OBX\\F\\5 \\S\\value\\R\\ \\T\\ \\E\\   end");
    }

    @Test
    void givesEveryAcknowledgementItsOwnControlId() {
        // when
        String first = acks.accept(gateway).split("\r")[0].split("\\|")[9];
        String second = acks.accept(gateway).split("\r")[0].split("\\|")[9];

        // then
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void escapesTheControlIdAndProcessingIdItEchoes() {
        // given: a control id and processing id carrying the escape, repetition and subcomponent characters
        Hl7Header message = Hl7Header.peek("MSH|^~\\&|GW|ICU|||20240305||ORU^R01^ORU_R01|12~MSA\\X&Y|P&Z|2.6")
                .orElseThrow();

        // when
        String[] accepted = acks.accept(message).split("\r");
        String[] rejected = acks.reject(message, Hl7Failure.reject(Hl7ErrorCode.VALUE_TOO_LONG, "no")).split("\r");

        // then: the answer keeps its own fields and segments; the ids come back escaped
        assertThat(accepted).hasSize(2);
        assertThat(accepted[1]).isEqualTo("MSA|AA|12\\R\\MSA\\E\\X\\T\\Y");
        assertThat(accepted[0]).endsWith("|P\\T\\Z|2.6");
        assertThat(rejected[1]).isEqualTo("MSA|AR|12\\R\\MSA\\E\\X\\T\\Y");
        assertThat(rejected).hasSize(3);
    }

    @Test
    void cutsAnOverLongControlIdItEchoes() {
        // given
        Hl7Header message = Hl7Header.peek("MSH|^~\\&|GW|ICU|||20240305||ORU^R01^ORU_R01|" + "9".repeat(5000)
                + "|P|2.6").orElseThrow();

        // when
        String msa = acks.reject(message, Hl7Failure.reject(Hl7ErrorCode.VALUE_TOO_LONG, "too long")).split("\r")[1];

        // then
        assertThat(msa).isEqualTo("MSA|AR|" + "9".repeat(WireLimits.MAX_CONTROL_ID_CHARS));
    }

    @Test
    void leavesQuotedMessageContentOutOfTheErrSegment() {
        // given: a parser's reason quoting a patient's name and an observation's value
        Hl7Failure failure = Hl7Failure.error(Hl7ErrorCode.DATA_TYPE_ERROR,
                "the message could not be parsed: can't parse 'DOE^JANE' in PID-5 or \"98.6\" in OBX-5");

        // when
        String err = acks.reject(gateway, failure).split("\r")[2];

        // then: the reason and the places stay, the content goes
        assertThat(err).contains("the message could not be parsed", "PID-5", "OBX-5")
                .doesNotContain("DOE", "JANE", "98.6");
    }
}
