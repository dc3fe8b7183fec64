package org.vigil.adapters.hl7.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PcdDecoderTest {

    private final PcdDecoder decoder = new PcdDecoder();

    @ParameterizedTest
    @ValueSource(strings = {Pcd01Examples.NIST_GATEWAY_NIBP, Pcd01Examples.GE_B40_MONITOR,
            Pcd01Examples.LINKWATCH_BLOOD_PRESSURE, Pcd01Examples.MONITOR_EMPTY_OBX2})
    void decodesThePublishedPcd01Examples(String example) {
        // given
        byte[] frame = Pcd01Examples.load(example).getBytes(StandardCharsets.UTF_8);

        // when
        Hl7DecodeResult result = decoder.decode(frame);

        // then
        assertThat(result).isInstanceOf(Hl7DecodeResult.Decoded.class);
        assertThat(result.header().messageType()).isEqualTo("ORU^R01^ORU_R01");
        assertThat(result.header().controlId()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            PcdExamples.IPEC_DELIVERY_START + ", PCD_10, ORU^R42^ORU_R01",
            PcdExamples.KETAMINE_PAUSED + ", PCD_10, ORU^R42^ORU_R01",
            PcdExamples.PUMP_OCCLUSION_START + ", PCD_04, ORU^R40^ORU_R40",
            PcdExamples.PUMP_OCCLUSION_END + ", PCD_04, ORU^R40^ORU_R40",
            PcdExamples.SPO2_LOW_START + ", PCD_04, ORU^R40^ORU_R40",
            PcdExamples.KETAMINE_INFUSING + ", PCD_01, ORU^R01^ORU_R01",
            PcdExamples.DOPAMINE_PAUSED_CHANNELS + ", PCD_01, ORU^R01^ORU_R01",
            PcdExamples.MONITOR_AND_PUMP + ", PCD_01, ORU^R01^ORU_R01"})
    void decodesThePumpAndAlarmExamplesAsTheirTransaction(String example, PcdTransaction transaction, String type) {
        // given
        byte[] frame = PcdExamples.load(example).getBytes(StandardCharsets.UTF_8);

        // when
        Hl7DecodeResult result = decoder.decode(frame);

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7DecodeResult.Decoded.class, decoded -> {
            assertThat(decoded.transaction()).isEqualTo(transaction);
            assertThat(decoded.header().messageType()).isEqualTo(type);
            assertThat(decoded.message().getPATIENT_RESULT().getORDER_OBSERVATION().getOBSERVATIONReps()).isPositive();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORU^R40", "ORU^R40^ORU_R01", "ORU^R40^ORU_R40"})
    void readsAnAlarmIntoTheObservationStructureWhateverMsh9Says(String messageType) {
        // given
        String message = PcdExamples.load(PcdExamples.PUMP_OCCLUSION_START).replace("ORU^R40^ORU_R40", messageType);

        // when
        Hl7DecodeResult result = decoder.decode(message);

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7DecodeResult.Decoded.class, decoded -> {
            assertThat(decoded.transaction()).isEqualTo(PcdTransaction.PCD_04);
            var obx = decoded.message().getPATIENT_RESULT().getORDER_OBSERVATION().getOBSERVATION(0).getOBX();
            assertThat(obx.getObx3_ObservationIdentifier().getCwe2_Text().getValue()).isEqualTo("MDC_EVT_ALARM");
            assertThat(decoded.message().getPATIENT_RESULT().getORDER_OBSERVATION().getOBR()
                    .getObr3_FillerOrderNumber().getEi1_EntityIdentifier().getValue()).isEqualTo("E0001_27");
        });
    }

    @Test
    void readsTheHeaderFieldsAsSent() {
        // given
        String message = Pcd01Examples.load(Pcd01Examples.NIST_GATEWAY_NIBP);

        // when
        Hl7Header header = decoder.decode(message).header();

        // then
        assertThat(header.sendingApplication()).isEqualTo("ACME_Gateway^080019FFFE3ED02D^EUI-64");
        assertThat(header.sendingFacility()).isEqualTo("ACME Healthcare");
        assertThat(header.controlId()).isEqualTo("0104ef190d604db188c3");
        assertThat(header.processingId()).isEqualTo("P");
        assertThat(header.version()).isEqualTo("2.6");
        assertThat(header.sender()).isEqualTo("ACME_Gateway^080019FFFE3ED02D^EUI-64|ACME Healthcare");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r\r"})
    void acceptsOtherSegmentEndings(String ending) {
        // given
        String message = Pcd01Examples.load(Pcd01Examples.GE_B40_MONITOR).replace("\r", ending);

        // when
        Hl7DecodeResult result = decoder.decode(message);

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7DecodeResult.Decoded.class, decoded ->
                assertThat(decoded.message().getPATIENT_RESULT().getORDER_OBSERVATION().getOBSERVATIONReps())
                        .isEqualTo(10));
    }

    @Test
    void typesAnEmptyObx2WithANumberAsNumericAndOtherEmptyOnesAsText() throws Exception {
        // given
        String message = "MSH|^~\\&|GW|ICU|||20240305101500||ORU^R01^ORU_R01|T-1|P|2.6\r"
                + "OBR|1|||182777000^monitoring of patient^SCT|||20240305101500\r"
                + "OBX|1||150456^MDC_PULS_OXIM_SAT_O2^MDC|1.1.1.1|97|262688^MDC_DIM_PERCENT^MDC|||||R\r"
                + "OBX|2||1^MODEL^99VIGIL|1.0.0.0|MX450||||||R\r"
                + "OBX|3||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X\r";

        // when
        Hl7DecodeResult result = decoder.decode(message);

        // then
        var order = ((Hl7DecodeResult.Decoded) result).message().getPATIENT_RESULT().getORDER_OBSERVATION();
        assertThat(order.getOBSERVATION(0).getOBX().getObx2_ValueType().getValue()).isEqualTo("NM");
        assertThat(order.getOBSERVATION(0).getOBX().getObx5_ObservationValue(0).getData().encode()).isEqualTo("97");
        assertThat(order.getOBSERVATION(1).getOBX().getObx2_ValueType().getValue()).isEqualTo("ST");
        assertThat(order.getOBSERVATION(2).getOBX().getObx2_ValueType().getValue()).isNull();
    }

    @Test
    void rejectsAnotherMessageTypeAsUnsupported() {
        // given
        String message = "MSH|^~\\&|ADT_APP|HOSP|||20240305101500||ADT^A01^ADT_A01|ADT-1|P|2.6\rEVN|A01|20240305101500\rPID|||123\r";

        // when
        Hl7DecodeResult result = decoder.decode(message);

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7DecodeResult.Failed.class, failed -> {
            assertThat(failed.failure().ack()).isEqualTo(AckCode.AR);
            assertThat(failed.failure().error()).isEqualTo(Hl7ErrorCode.UNSUPPORTED_MESSAGE_TYPE);
            assertThat(failed.failure().reason()).contains("unsupported message type ADT^A01^ADT_A01");
            assertThat(failed.header().controlId()).isEqualTo("ADT-1");
        });
    }

    @Test
    void rejectsAnotherObservationTriggerEventAsUnsupported() {
        // given
        String message = Pcd01Examples.load(Pcd01Examples.NIST_GATEWAY_NIBP).replace("ORU^R01^ORU_R01", "ORU^R30^ORU_R30");

        // when
        Hl7DecodeResult result = decoder.decode(message);

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7DecodeResult.Failed.class, failed -> {
            assertThat(failed.failure().ack()).isEqualTo(AckCode.AR);
            assertThat(failed.failure().error()).isEqualTo(Hl7ErrorCode.UNSUPPORTED_EVENT_CODE);
            assertThat(failed.failure().reason()).isEqualTo("unsupported message type ORU^R30^ORU_R30: accepted are "
                    + "ORU^R01 (IHE PCD-01), ORU^R40 (IHE PCD-04), ORU^R42 (IHE PCD-10)");
        });
    }

    @Test
    void rejectsAMessageWithoutMsh() {
        // given
        String message = "PID|||123\rOBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|72\r";

        // when
        Hl7DecodeResult result = decoder.decode(message);

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7DecodeResult.Failed.class, failed -> {
            assertThat(failed.failure().ack()).isEqualTo(AckCode.AR);
            assertThat(failed.failure().reason()).isEqualTo(
                    "the message does not start with an MSH segment (the first segment is PID)");
            assertThat(failed.header()).isEqualTo(Hl7Header.unknown());
        });
    }

    @Test
    void rejectsGarbage() {
        // given
        byte[] garbage = {0x00, 0x01, (byte) 0xFE, 'x', 'y', 0x7F};

        // when
        Hl7DecodeResult result = decoder.decode(garbage);

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7DecodeResult.Failed.class, failed -> {
            assertThat(failed.failure().ack()).isEqualTo(AckCode.AR);
            assertThat(failed.failure().reason()).contains("does not start with an MSH segment");
        });
    }

    @Test
    void rejectsAnEmptyFrame() {
        // when
        Hl7DecodeResult result = decoder.decode(new byte[0]);

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7DecodeResult.Failed.class, failed ->
                assertThat(failed.failure().reason()).isEqualTo("the message is empty"));
    }

    @Test
    void rejectsAMessageTruncatedInsideTheHeader() {
        // given
        String truncated = Pcd01Examples.load(Pcd01Examples.NIST_GATEWAY_NIBP).substring(0, 60);

        // when
        Hl7DecodeResult result = decoder.decode(truncated);

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7DecodeResult.Failed.class, failed -> {
            assertThat(failed.failure().error()).isEqualTo(Hl7ErrorCode.REQUIRED_FIELD_MISSING);
            assertThat(failed.failure().reason()).isEqualTo("MSH-9 message type is missing");
        });
    }

    @Test
    void rejectsAMessageWithoutControlId() {
        // given
        String message = "MSH|^~\\&|GW|ICU|||20240305101500||ORU^R01^ORU_R01||P|2.6\rOBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|72\r";

        // when
        Hl7DecodeResult result = decoder.decode(message);

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7DecodeResult.Failed.class, failed ->
                assertThat(failed.failure().reason()).isEqualTo("MSH-10 message control id is missing"));
    }

    @Test
    void reportsAMessageHapiCannotParseAsAnError() {
        // given
        String message = "MSH|^~\\&|GW|ICU|||20240305101500||ORU^R01^ORU_R01|BAD-1|P|9.9\rOBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|72\r";

        // when
        Hl7DecodeResult result = decoder.decode(message);

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7DecodeResult.Failed.class, failed -> {
            assertThat(failed.failure().ack()).isEqualTo(AckCode.AE);
            assertThat(failed.failure().reason()).startsWith("the message could not be parsed: ");
            assertThat(failed.header().controlId()).isEqualTo("BAD-1");
        });
    }

    @ParameterizedTest
    @CsvSource({
            "MSH-3 sending application, 121, 1, 1",
            "MSH-4 sending facility, 1, 121, 1",
            "MSH-10 message control id, 1, 1, 200"})
    void refusesAnIdLongerThanItsBound(String field, int application, int facility, int controlId) {
        // given
        String message = "MSH|^~\\&|" + "A".repeat(application) + "|" + "F".repeat(facility)
                + "|||20240305101500||ORU^R01^ORU_R01|" + "9".repeat(controlId) + "|P|2.6\r"
                + "OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|72\r";

        // when
        Hl7DecodeResult result = decoder.decode(message);

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7DecodeResult.Failed.class, failed -> {
            assertThat(failed.failure().ack()).isEqualTo(AckCode.AR);
            assertThat(failed.failure().error()).isEqualTo(Hl7ErrorCode.VALUE_TOO_LONG);
            assertThat(failed.failure().reason()).startsWith(field + " is ");
        });
    }

    @Test
    void takesIdsUpToTheirBounds() {
        // given
        String message = "MSH|^~\\&|" + "A".repeat(WireLimits.MAX_SENDER_CHARS) + "|" + "F".repeat(WireLimits.MAX_SENDER_CHARS)
                + "|||20240305101500||ORU^R01^ORU_R01|" + "9".repeat(WireLimits.MAX_CONTROL_ID_CHARS) + "|P|2.6\r"
                + "OBR|1\rOBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|72\r";

        // when
        Hl7DecodeResult result = decoder.decode(message);

        // then
        assertThat(result).isInstanceOf(Hl7DecodeResult.Decoded.class);
    }
}
