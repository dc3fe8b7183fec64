package org.vigil.adapters.hl7.wire;

import org.junit.jupiter.api.Test;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class VitalsMappingTest {

    private static final Instant NOW = Instant.parse("2024-03-05T15:15:02Z");

    private final PcdDecoder decoder = new PcdDecoder();
    private final PcdMapper mapper = new PcdMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void mapsTheGatewayBloodPressureMessage() {
        // when
        DeviceObservations mapped = mapExample(Pcd01Examples.NIST_GATEWAY_NIBP);

        // then
        Instant measured = Instant.parse("2011-06-02T04:58:42Z");
        assertThat(mapped.observations())
                .extracting(Observation::mdcCode, Observation::label, Observation::value, Observation::unit,
                        Observation::deviceTime)
                .containsExactly(
                        tuple(150021, "MDC_PRESS_BLD_NONINV_SYS", 120.0, "mm[Hg]", measured),
                        tuple(150022, "MDC_PRESS_BLD_NONINV_DIA", 80.0, "mm[Hg]", measured),
                        tuple(150023, "MDC_PRESS_BLD_NONINV_MEAN", 93.0, "mm[Hg]", measured),
                        tuple(149546, "MDC_PULS_RATE_NON_INV", 63.0, "/min", measured));
        assertThat(mapped.deviceId()).isEqualTo(new DeviceId("080019FFFE3ED02D172.16.172.135"));
        assertThat(mapped.messageKey()).isEqualTo(
                new MessageKey("ACME_Gateway^080019FFFE3ED02D^EUI-64|ACME Healthcare", "0104ef190d604db188c3"));
        assertThat(mapped.deviceTime()).isEqualTo(Instant.parse("2011-06-02T05:00:00Z"));
        assertThat(mapped.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void mapsTheMonitorMessageSkippingContainmentRowsAndTakingTheOrderTime() {
        // when
        DeviceObservations mapped = mapExample(Pcd01Examples.GE_B40_MONITOR);

        // then
        Instant ordered = Instant.parse("2013-01-22T13:41:00Z");
        assertThat(mapped.observations())
                .extracting(Observation::mdcCode, Observation::value, Observation::unit, Observation::deviceTime)
                .containsExactly(
                        tuple(147842, 80.0, "/min", ordered),
                        tuple(148066, 0.0, "/min", ordered),
                        tuple(150033, 112.0, "mm[Hg]", ordered),
                        tuple(150034, 76.0, "mm[Hg]", ordered),
                        tuple(150035, 95.0, "mm[Hg]", ordered),
                        tuple(149522, 80.0, "/min", ordered));
        assertThat(mapped.deviceId()).isEqualTo(new DeviceId("080019FFFE0B4020"));
        assertThat(mapped.messageKey().sender()).isEqualTo("VSP^080019FFFE134535^EUI-64|GE Healthcare");
        assertThat(mapped.messageKey().controlId()).isEqualTo("004097134535");
    }

    @Test
    void takesTheDeviceFromTheProfileRowAndAppliesTheUtcOffset() {
        // when
        DeviceObservations mapped = mapExample(Pcd01Examples.LINKWATCH_BLOOD_PRESSURE);

        // then
        Instant measured = Instant.parse("2017-05-03T10:00:00Z");
        assertThat(mapped.deviceId()).isEqualTo(new DeviceId("5C313EFFFE020E12"));
        assertThat(mapped.messageKey()).isEqualTo(
                new MessageKey("LinkWatchAndroid", "323031363131323330373031333638393930313030"));
        assertThat(mapped.deviceTime()).isEqualTo(measured);
        assertThat(mapped.observations())
                .extracting(Observation::mdcCode, Observation::value, Observation::unit, Observation::deviceTime)
                .containsExactly(
                        tuple(150021, 125.0, "mm[Hg]", measured),
                        tuple(150022, 80.0, "mm[Hg]", measured),
                        tuple(149546, 66.0, "/min", measured));
    }

    @Test
    void mapsNumericRowsWithEmptyObx2AndKeepsAnUnavailableValue() {
        // when
        DeviceObservations mapped = mapExample(Pcd01Examples.MONITOR_EMPTY_OBX2);

        // then
        Instant ordered = Instant.parse("2024-03-05T15:14:59Z");
        assertThat(mapped.observations())
                .extracting(Observation::mdcCode, Observation::value, Observation::unit, Observation::deviceTime)
                .containsExactly(
                        tuple(150456, 97.0, "%", Instant.parse("2024-03-05T15:14:58.25Z")),
                        tuple(147842, 72.0, "/min", ordered),
                        tuple(151562, 14.0, "/min", ordered),
                        tuple(150021, null, "mm[Hg]", ordered));
        assertThat(mapped.deviceId()).isEqualTo(new DeviceId("0123456789ABCDEF"));
        assertThat(mapped.deviceTime()).isEqualTo(Instant.parse("2024-03-05T15:15:00Z"));
    }

    @Test
    void refusesADeviceIdLongerThanItsBound() {
        // given: an OBX-18 longer than any device id Vigil keeps
        String message = "MSH|^~\\&|GW||||||ORU^R01^ORU_R01|78|P|2.6\r"
                + "OBR|1|||182777000^monitoring of patient^SCT\r"
                + "OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|64|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||||||"
                + "E".repeat(WireLimits.MAX_DEVICE_ID_CHARS + 1) + "^^E^EUI-64\r";

        // when
        Hl7MapResult result = mapper.map((Hl7DecodeResult.Decoded) decoder.decode(message));

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7MapResult.Failed.class, failed -> {
            assertThat(failed.failure().ack()).isEqualTo(AckCode.AR);
            assertThat(failed.failure().error()).isEqualTo(Hl7ErrorCode.VALUE_TOO_LONG);
            assertThat(failed.failure().reason()).startsWith("the device id (OBX-18 or MSH-3) is 121 characters");
        });
    }

    @Test
    void namesTheDeviceAfterTheSendingApplicationWhenNoObxNamesOne() {
        // given
        String message = "MSH|^~\\&|MONITOR-3^0123^EUI-64||||||ORU^R01^ORU_R01|77|P|2.6\r"
                + "OBR|1|||182777000^monitoring of patient^SCT\r"
                + "OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|64|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R\r";

        // when
        DeviceObservations mapped = map(message);

        // then
        assertThat(mapped.deviceId()).isEqualTo(new DeviceId("MONITOR-3"));
        assertThat(mapped.deviceTime()).isNull();
        assertThat(mapped.observations()).singleElement()
                .satisfies(hr -> assertThat(hr.deviceTime()).isNull());
    }

    @Test
    void failsWithAReasonWhenNoRowIsAMeasurement() {
        // given
        String message = "MSH|^~\\&|GW|ICU|||20240305101500||ORU^R01^ORU_R01|88|P|2.6\r"
                + "OBR|1|||182777000^monitoring of patient^SCT|||20240305101500\r"
                + "OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X\r"
                + "OBX|2|ST|1^NOTE^99VIGIL|1.0.0.1|checked||||||R\r";
        Hl7DecodeResult.Decoded decoded = (Hl7DecodeResult.Decoded) decoder.decode(message);

        // when
        Hl7MapResult result = mapper.map(decoded);

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7MapResult.Failed.class, failed -> {
            assertThat(failed.failure().ack()).isEqualTo(AckCode.AE);
            assertThat(failed.failure().reason())
                    .isEqualTo("no numeric observation with an MDC code in OBX-3 among 2 OBX segments");
        });
    }

    @Test
    void failsWithAReasonWhenObservationsAreNotUnderAnObr() {
        // given
        String message = "MSH|^~\\&|GW|ICU|||20240305101500||ORU^R01^ORU_R01|89|P|2.6\r"
                + "OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|72|264864^MDC_DIM_BEAT_PER_MIN^MDC\r";
        Hl7DecodeResult.Decoded decoded = (Hl7DecodeResult.Decoded) decoder.decode(message);

        // when
        Hl7MapResult result = mapper.map(decoded);

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7MapResult.Failed.class, failed -> {
            assertThat(failed.failure().ack()).isEqualTo(AckCode.AE);
            assertThat(failed.failure().reason()).startsWith("no OBX segment follows an OBR segment");
        });
    }

    @Test
    void usesTheReceiveTimeItIsGiven() {
        // given
        Instant arrived = Instant.parse("2024-03-05T15:15:01.5Z");
        var decoded = (Hl7DecodeResult.Decoded) decoder.decode(Pcd01Examples.load(Pcd01Examples.GE_B40_MONITOR));

        // when
        Hl7MapResult result = mapper.map(decoded, arrived);

        // then
        assertThat(((Hl7MapResult.Mapped) result).reports()).singleElement()
                .satisfies(report -> assertThat(report.receivedAt()).isEqualTo(arrived));
    }

    private DeviceObservations mapExample(String example) {
        return map(Pcd01Examples.load(example));
    }

    private DeviceObservations map(String message) {
        Hl7DecodeResult decoded = decoder.decode(message);
        assertThat(decoded).isInstanceOf(Hl7DecodeResult.Decoded.class);
        Hl7MapResult result = mapper.map((Hl7DecodeResult.Decoded) decoded);
        assertThat(result).isInstanceOf(Hl7MapResult.Mapped.class);
        assertThat(((Hl7MapResult.Mapped) result).reports()).singleElement().isInstanceOf(DeviceObservations.class);
        return (DeviceObservations) ((Hl7MapResult.Mapped) result).reports().get(0);
    }
}
