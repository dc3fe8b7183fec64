package org.vigil.query.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.SessionId;

class PumpPointsTest {

    private static final Instant DEVICE_TIME = Instant.parse("2026-03-02T09:10:00Z");

    @Test
    void aPumpReportIsOnePointWithRateVolumesStatusAndTheDrugDelivered() {
        // given 0.5 mg/kg for 72.5 kg over 40 min from a 1 mg/mL bag: 54.4 mL/h
        PumpReport report = new PumpReport(new DeviceId("pump-1"), new MessageKey("pump-1", "9"), DEVICE_TIME,
                DEVICE_TIME.plusSeconds(1), PumpStatus.INFUSING,
                new PumpProgramme("ketamine", 1.0, 54.4, 36.25, 0.75, "mg/kg/h"), 12.5, 23.75,
                Duration.ofMinutes(26), List.of(new PumpAlarm(PumpAlarmKind.LOW_BATTERY, AlarmPriority.LOW,
                        "battery low", false)));

        // when
        InfluxPoint point = PumpPoints.of(report, new ChairId("chair-1"), new SessionId("s-1"));

        // then
        assertThat(point.measurement()).isEqualTo("pump");
        assertThat(point.time()).isEqualTo(DEVICE_TIME);
        assertThat(point.tags()).containsEntry("chair", "chair-1").containsEntry("session", "s-1")
                .containsEntry("device", "pump-1");
        assertThat(point.fields())
                .containsEntry("status", "INFUSING")
                .containsEntry("rate_ml_h", 54.4)
                .containsEntry("volume_infused_ml", 12.5)
                .containsEntry("volume_remaining_ml", 23.75)
                .containsEntry("dose_delivered_mg", 12.5)
                .containsEntry("dose_rate", 0.75)
                .containsEntry("dose_rate_unit", "mg/kg/h")
                .containsEntry("time_remaining_s", 1560.0)
                .containsEntry("alarms", 1L);
    }

    @Test
    void aReportWithoutProgrammeOrDeviceTimeKeepsWhatItHasAtTheReceiveTime() {
        // given
        Instant received = DEVICE_TIME.plusSeconds(3);
        PumpReport report = new PumpReport(new DeviceId("pump-1"), new MessageKey("pump-1", "10"), null, received,
                PumpStatus.KVO, null, 36.25, null, null, null);

        // when
        InfluxPoint point = PumpPoints.of(report, new ChairId("chair-1"), null);

        // then
        assertThat(point.time()).isEqualTo(received);
        assertThat(point.tags()).doesNotContainKey("session");
        assertThat(point.fields()).containsEntry("status", "KVO").containsEntry("volume_infused_ml", 36.25)
                .doesNotContainKeys("rate_ml_h", "dose_delivered_mg");
    }
}
