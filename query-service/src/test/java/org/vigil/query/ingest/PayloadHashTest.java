package org.vigil.query.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;

class PayloadHashTest {

    private static DeviceAlarmReport report(Instant receivedAt, String text) {
        return new DeviceAlarmReport(DeviceId.of("monitor-01"), new MessageKey("GW", "MSG-1"),
                Instant.parse("2026-12-07T09:00:00Z"), receivedAt, "alarm-1", "MDC_EVT_HI", 150021, text,
                AlarmPhase.START, AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL);
    }

    @Test
    void aResendLaterHasTheSameHashAndOtherContentAnother() {
        long first = PayloadHash.of(report(Instant.parse("2026-12-07T09:00:01Z"), "SBP high"));

        assertThat(PayloadHash.of(report(Instant.parse("2026-12-07T09:00:31Z"), "SBP high"))).isEqualTo(first);
        assertThat(PayloadHash.of(report(Instant.parse("2026-12-07T09:00:01Z"), "HR high"))).isNotEqualTo(first);
    }
}
