package org.vigil.adapters.masimo.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.adapters.masimo.wire.GoldenLines.RADICAL_5;
import static org.vigil.adapters.masimo.wire.GoldenLines.RADICAL_7;
import static org.vigil.adapters.masimo.wire.GoldenLines.RADICAL_7_RAINBOW;
import static org.vigil.adapters.masimo.wire.GoldenLines.SENSOR_OFF;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MasimoLineDecoderTest {

    @Test
    void decodesTheRadical7LineOfTheDocumentation() {
        // when
        MasimoReading reading = decoded(RADICAL_7);

        // then
        assertThat(reading).isEqualTo(new MasimoReading(LocalDateTime.of(2026, 11, 3, 9, 14, 2), "0000012345", 97,
                84, 2.10, true, null, true, null, 0, 0, 0));
    }

    @Test
    void decodesTheRainbowValuesWhenTheyArePresent() {
        // when
        MasimoReading reading = decoded(RADICAL_7_RAINBOW);

        // then
        assertThat(reading.spo2()).isEqualTo(98);
        assertThat(reading.pulseRate()).isEqualTo(81);
        assertThat(reading.perfusionIndex()).isEqualTo(20.0);
        assertThat(reading.spco()).isEqualTo(1.0);
        assertThat(reading.spmet()).isEqualTo(0.5);
        assertThat(reading.exceptionBits()).isEqualTo(0x800);
    }

    @Test
    void decodesARadical5LineWithoutSerialNumberOrRainbowFields() {
        // when
        MasimoReading reading = decoded(RADICAL_5);

        // then
        assertThat(reading.deviceTime()).isEqualTo(LocalDateTime.of(2010, 9, 15, 15, 10, 29));
        assertThat(reading.serialNumber()).isNull();
        assertThat(reading.hasSpco()).isFalse();
        assertThat(reading.hasSpmet()).isFalse();
        assertThat(reading.alarmBits()).isEqualTo(0x20);
        assertThat(AlarmFlag.of(reading.alarmBits())).containsExactly(AlarmFlag.ALARM_SILENCED);
    }

    @Test
    void readsDashesAsNoValueNeverZero() {
        // when
        MasimoReading reading = decoded(SENSOR_OFF);

        // then
        assertThat(reading.spo2()).isNull();
        assertThat(reading.pulseRate()).isNull();
        assertThat(reading.perfusionIndex()).isNull();
        assertThat(ExceptionFlag.of(reading.exceptionBits())).containsExactly(ExceptionFlag.SENSOR_OFF);
    }

    @ParameterizedTest(name = "EXC={0}")
    @CsvSource({
            "000001, NO_SENSOR", "000004, LOW_PERFUSION", "000020, SENSOR_OFF", "000400, LOW_SIGNAL_IQ",
            "001000, NO_CABLE", "040000, SENSOR_LIFE_EXPIRED"})
    void readsEachExceptionBit(String exc, ExceptionFlag flag) {
        // when
        MasimoReading reading = decoded(RADICAL_7.replace("EXC=000000", "EXC=" + exc));

        // then
        assertThat(ExceptionFlag.of(reading.exceptionBits())).containsExactly(flag);
    }

    @Test
    void readsSeveralAlarmAndExceptionBitsAndIgnoresTheSetFlag() {
        // when: low battery and alarm silenced; sensor off, pulse search and SET
        MasimoReading reading = decoded(RADICAL_7.replace("ALARM=0000", "ALARM=0060")
                .replace("EXC=000000", "EXC=000828"));

        // then
        assertThat(AlarmFlag.of(reading.alarmBits())).containsExactly(AlarmFlag.ALARM_SILENCED, AlarmFlag.LOW_BATTERY);
        assertThat(ExceptionFlag.of(reading.exceptionBits()))
                .containsExactly(ExceptionFlag.PULSE_SEARCH, ExceptionFlag.SENSOR_OFF);
    }

    @Test
    void skipsGarbageBeforeTheDateAndCountsIt() {
        // when: the tail of a line cut by noise, glued to the next line
        MasimoReading reading = decoded("PI=02.1" + RADICAL_7);

        // then
        assertThat(reading.skippedBytes()).isEqualTo(7);
        assertThat(reading.spo2()).isEqualTo(97);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "11/03/26 09:14:02 SN=0000012345 SPO2=097% BPM=084 PI=02.10% SPCO=--.-%",
            "11/03/26 09:14:02 SN=0000012345 SPO2=09",
            "11/03/26 09:14:02",
            "2:02 SN=0000012345 SPO2=097% BPM=084 PI=02.10% ALARM=0000 EXC=000000",
            "11/03/26 09:14:02 BPM=084 PI=02.10% ALARM=0000 EXC=000000"})
    void rejectsALineCutShort(String line) {
        assertThat(MasimoLineDecoder.decode(line)).isInstanceOf(MasimoDecodeResult.Failed.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SPO2=097%|SPO2=147%|SPO2=147% is above 100",
            "BPM=084|BPM=999|BPM=999 is above 300",
            "BPM=084|BPM=8x4|BPM=8x4 is neither a number nor dashes",
            "PI=02.10%|PI=2,10%|PI=2,10% is neither a decimal nor dashes",
            "EXC=000000|EXC=00G000|EXC=00G000 is not a hexadecimal bit field",
            "ALARM=0000|ALARM=|ALARM= is not a hexadecimal bit field",
            "BPM=084|BPM=084 BPM=085|field BPM appears twice",
            "PI=02.10%|PI=02.10% junk|'junk' is not a NAME=value field",
            "11/03/26|13/45/26|impossible date or time 13/45/26 09:14:02"})
    void rejectsAValueOutOfFormOrRangeAndSaysWhy(String field, String damaged, String reason) {
        // when
        MasimoDecodeResult result = MasimoLineDecoder.decode(RADICAL_7.replace(field, damaged));

        // then
        assertThat(result).isEqualTo(new MasimoDecodeResult.Failed(reason));
    }

    @Test
    void skipsFieldsItDoesNotRead() {
        // when: a later model's extra field
        MasimoReading reading = decoded(RADICAL_7.replace("DESAT=--", "DESAT=-- SPHB=13.2 RRA=012"));

        // then
        assertThat(reading.spo2()).isEqualTo(97);
    }

    private static MasimoReading decoded(String line) {
        MasimoDecodeResult result = MasimoLineDecoder.decode(line);
        assertThat(result).isInstanceOf(MasimoDecodeResult.Decoded.class);
        return ((MasimoDecodeResult.Decoded) result).reading();
    }
}
