package org.vigil.adapters.masimo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.adapters.transport.CodecOutput;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DeviceReport;

class MasimoCodecTest {

    private static final Instant START = Instant.parse("2026-11-03T09:14:00Z");
    private static final String NORMAL = "11/03/26 09:14:02 SN=0000012345 SPO2=097% BPM=084 PI=02.10% SPCO=--.-% "
            + "SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000000";
    private static final String SENSOR_OFF = "11/03/26 09:14:03 SN=0000012345 SPO2=---% BPM=--- PI=--.--% "
            + "SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000820";

    private final MasimoCodec codec = new MasimoCodec(MasimoCodecSettings.defaults(DeviceId.of("chair-1-spo2")));

    @Test
    void neverWritesToTheOximeter() {
        // when
        CodecOutput<DeviceReport> connected = codec.connected(START);
        CodecOutput<DeviceReport> tick = codec.tick(START.plusSeconds(5));

        // then
        assertThat(connected.writes()).isEmpty();
        assertThat(tick.writes()).isEmpty();
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void turnsEveryLineIntoOneObservationsReportWithAUniqueKey(int chunkSize) {
        // given
        codec.connected(START);

        // when
        List<DeviceReport> reports = feedInChunks(lines(NORMAL, NORMAL, NORMAL), chunkSize);

        // then
        assertThat(reports).hasSize(3).allSatisfy(report -> assertThat(report).isInstanceOf(DeviceObservations.class));
        assertThat(reports).extracting(report -> report.messageKey().controlId()).doesNotHaveDuplicates();
        assertThat(reports.get(0).deviceTime()).isEqualTo(Instant.parse("2026-11-03T09:14:02Z"));
        assertThat(codec.counters()).isEqualTo(new MasimoCounters(3, 0, 0, 0, 0));
    }

    @Test
    void startsASensorOffConditionOnceAndEndsItWhenTheSensorIsBack() {
        // given
        codec.connected(START);

        // when
        List<DeviceReport> reports = new ArrayList<>();
        reports.addAll(codec.received(lines(NORMAL, SENSOR_OFF, SENSOR_OFF), START.plusSeconds(1)).results());
        reports.addAll(codec.received(lines(NORMAL), START.plusSeconds(2)).results());

        // then
        List<DeviceAlarmReport> alarms = reports.stream().filter(DeviceAlarmReport.class::isInstance)
                .map(DeviceAlarmReport.class::cast).toList();
        assertThat(alarms).extracting(DeviceAlarmReport::alarmCode, DeviceAlarmReport::phase).containsExactly(
                tuple("masimo-sensor-off", AlarmPhase.START),
                tuple("masimo-sensor-off", AlarmPhase.END));
        assertThat(alarms.get(0).messageKey().controlId()).endsWith("-2/masimo-sensor-off");
        DeviceObservations off = (DeviceObservations) reports.get(1);
        assertThat(off.observations()).noneMatch(observation -> observation.available());
        assertThat(codec.counters().conditions()).isEqualTo(1);
    }

    @Test
    void remembersAConditionAcrossAReconnect() {
        // given
        codec.connected(START);
        codec.received(lines(SENSOR_OFF), START.plusSeconds(1));
        codec.disconnected(START.plusSeconds(2));

        // when
        codec.connected(START.plusSeconds(3));
        CodecOutput<DeviceReport> output = codec.received(lines(NORMAL), START.plusSeconds(4));

        // then
        assertThat(output.results()).hasSize(2);
        assertThat(((DeviceAlarmReport) output.results().get(1)).phase()).isEqualTo(AlarmPhase.END);
    }

    @Test
    void countsGarbageTruncatedAndOverLongLinesAndReadsTheNextLine() {
        // given
        codec.connected(START);
        String garbage = "\u0000\u0013ATZ\r\n" + "x".repeat(300) + "\r\n" + NORMAL.substring(0, 60) + "\r\n"
                + "PI=02" + NORMAL + "\r\n";

        // when
        CodecOutput<DeviceReport> output = codec.received(garbage.getBytes(StandardCharsets.ISO_8859_1), START);

        // then
        assertThat(output.results()).hasSize(1);
        assertThat(output.failures()).hasSize(4);
        assertThat(codec.counters()).isEqualTo(new MasimoCounters(1, 2, 1, 5, 0));
    }

    private List<DeviceReport> feedInChunks(byte[] stream, int chunkSize) {
        List<DeviceReport> reports = new ArrayList<>();
        for (int offset = 0; offset < stream.length; offset += chunkSize) {
            byte[] chunk = Arrays.copyOfRange(stream, offset, Math.min(stream.length, offset + chunkSize));
            reports.addAll(codec.received(chunk, START).results());
        }
        return reports;
    }

    private static byte[] lines(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
