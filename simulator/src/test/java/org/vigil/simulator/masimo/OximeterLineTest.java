package org.vigil.simulator.masimo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.scenario.Scenarios;

class OximeterLineTest {

    @Test
    void writesTheRadical7LayoutOfTheDocumentation() {
        // when
        OximeterLine line = new OximeterLine(LocalDateTime.of(2026, 11, 3, 9, 14, 2), "0000012345", 97, 84, 2.1, 0, 0);

        // then
        assertThat(new String(line.bytes(), StandardCharsets.US_ASCII)).isEqualTo("11/03/26 09:14:02 SN=0000012345 "
                + "SPO2=097% BPM=084 PI=02.10% SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000000\r\n");
    }

    @Test
    void writesDashesAndTheExceptionBitWhileTheSensorIsOff() {
        // given: the sensor is off from simulated second 10 to 20
        Instant start = Instant.parse("2026-11-03T09:00:00Z");
        OximeterReadings readings = new OximeterReadings(Scenarios.NORMAL.start(7),
                List.of(OximeterFault.sensorOff(Duration.ofSeconds(10), Duration.ofSeconds(20))), start, 1.0,
                ZoneId.of("UTC"), "0000012345");

        // when
        OximeterLine before = readings.at(start.plusSeconds(5));
        OximeterLine off = readings.at(start.plusSeconds(15));
        OximeterLine back = readings.at(start.plusSeconds(25));

        // then
        assertThat(before.spo2()).isBetween(90, 100);
        assertThat(before.exceptionBits()).isEqualTo(OximeterLine.MASIMO_SET);
        assertThat(off.text()).contains("SPO2=---% BPM=--- PI=--.--%").endsWith("EXC=000020");
        assertThat(off.deviceTime()).isEqualTo(LocalDateTime.of(2026, 11, 3, 9, 0, 15));
        assertThat(back.spo2()).isNotNull();
    }
}
