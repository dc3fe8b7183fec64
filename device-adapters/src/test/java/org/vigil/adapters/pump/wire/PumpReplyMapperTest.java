package org.vigil.adapters.pump.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;

class PumpReplyMapperTest {

    private static final DeviceId PUMP = DeviceId.of("chair-1-pump");
    private static final MessageKey KEY = new MessageKey("chair-1-pump", "m1-1");
    private static final Instant RECEIVED = Instant.parse("2025-03-01T09:12:01Z");
    private static final PumpReply.Programme KETAMINE =
            new PumpReply.Programme("KETAMINE", 1.0, 52.5, 35.0, 0.75, "mg/kg/h");

    @Test
    void mapsAStatusReplyWithItsProgrammeToAReport() {
        // given
        PumpReply.Status status = new PumpReply.Status("ALR8100-0042", List.of(), PumpMode.INFUSING, 52.5, 10.5, 42,
                Duration.ofMinutes(28), 24.5, LocalDateTime.of(2025, 3, 1, 10, 12, 0));

        // when
        PumpReport report = PumpReplyMapper.map(status, KETAMINE, PUMP, KEY, RECEIVED, ZoneId.of("Europe/Berlin"));

        // then: the pump's clock runs in Berlin time, one hour ahead of UTC in March
        assertThat(report).isEqualTo(new PumpReport(PUMP, KEY, Instant.parse("2025-03-01T09:12:00Z"), RECEIVED,
                PumpStatus.INFUSING, new PumpProgramme("KETAMINE", 1.0, 52.5, 35.0, 0.75, "mg/kg/h"), 10.5, 24.5,
                Duration.ofMinutes(28), List.of()));
    }

    @Test
    void takesTheRateFromTheStatusReplyWhichIsNewerThanTheProgramme() {
        // given: the rate was changed to 525 mL/h at the pump since the programme was read
        PumpReply.Status status = new PumpReply.Status("SN1", List.of(), PumpMode.INFUSING, 525, 1, null, null,
                null, null);

        // when
        PumpReport report = PumpReplyMapper.map(status, KETAMINE, PUMP, KEY, RECEIVED, ZoneId.of("UTC"));

        // then
        assertThat(report.programme().rateMlPerHour()).isEqualTo(525.0);
        assertThat(report.volumeRemainingMl()).isEqualTo(34.0);
        assertThat(report.deviceTime()).isNull();
    }

    @Test
    void reportsOnlyTheRateWhenNoProgrammeWasReadYet() {
        // given
        PumpReply.Status status = new PumpReply.Status("SN1", List.of(), PumpMode.IDLE, 0, 0, null, null, null, null);

        // when
        PumpReport report = PumpReplyMapper.map(status, null, PUMP, KEY, RECEIVED, ZoneId.of("UTC"));

        // then
        assertThat(report.programme()).isEqualTo(new PumpProgramme(null, null, 0.0, null, null, null));
        assertThat(report.volumeRemainingMl()).isNull();
        assertThat(report.status()).isEqualTo(PumpStatus.IDLE);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "IDLE, IDLE", "INFUSING, INFUSING", "PAUSED, PAUSED", "STOPPED, STOPPED", "COMPLETE, COMPLETE",
            "KVO, KVO"})
    void mapsEveryModeToAPumpStatus(PumpMode mode, PumpStatus status) {
        // when / then
        assertThat(PumpReplyMapper.status(mode)).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} is {1} at {2}, stops the infusion: {3}")
    @CsvSource({
            "OCCL_DOWN, OCCLUSION_DOWNSTREAM, HIGH, true, Downstream occlusion",
            "OCCL_UP, OCCLUSION_UPSTREAM, HIGH, true, Upstream occlusion",
            "AIR, AIR_IN_LINE, HIGH, true, Air in line",
            "DOOR, DOOR_OPEN, HIGH, true, Door open",
            "COMPLETE, INFUSION_COMPLETE, MEDIUM, false, Infusion complete",
            "BATT_LOW, LOW_BATTERY, LOW, false, Low battery",
            "SYRINGE_EMPTY, OTHER, MEDIUM, false, Pump alarm SYRINGE_EMPTY"})
    void mapsEveryAlarmCodeToAKindAndPriority(String code, PumpAlarmKind kind, AlarmPriority priority,
                                              boolean stopsInfusion, String text) {
        // when
        PumpAlarm alarm = PumpReplyMapper.alarm(code);

        // then
        assertThat(alarm).isEqualTo(new PumpAlarm(kind, priority, text, stopsInfusion));
    }

    @Test
    void carriesTheOcclusionOfAStoppedPump() {
        // given
        PumpReply reply = ((PumpDecodeResult.Decoded) PumpReplyDecoder.decode(GoldenFrames.OCCLUSION_BODY)).reply();

        // when
        PumpReport report = PumpReplyMapper.map((PumpReply.Status) reply, KETAMINE, PUMP, KEY, RECEIVED,
                ZoneId.of("UTC"));

        // then
        assertThat(report.status()).isEqualTo(PumpStatus.STOPPED);
        assertThat(report.alarms()).containsExactly(new PumpAlarm(PumpAlarmKind.OCCLUSION_DOWNSTREAM,
                AlarmPriority.HIGH, "Downstream occlusion", true));
    }
}
