package org.vigil.query.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.Vital;

class PayloadHashTest {

    private static final Instant MADE = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-12-07T09:00:01Z");
    private static final MessageKey KEY = new MessageKey("GW", "MSG-1");

    private static DeviceAlarmReport alarm(Instant receivedAt, String text) {
        return new DeviceAlarmReport(DeviceId.of("monitor-01"), KEY, MADE, receivedAt, "alarm-1", "MDC_EVT_HI",
                150021, text, AlarmPhase.START, AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL);
    }

    private static DeviceObservations observations(Instant receivedAt) {
        return new DeviceObservations(DeviceId.of("monitor-01"), KEY, MADE, receivedAt, List.of(
                Observation.of(Vital.HEART_RATE, 72, null),
                Observation.of(Vital.SPO2, 97.5, MADE.minusSeconds(2)),
                Observation.notAvailable(Vital.RESPIRATORY_RATE, null)));
    }

    private static PumpReport pump(Instant receivedAt, Duration timeRemaining) {
        return new PumpReport(DeviceId.of("pump-01"), KEY, null, receivedAt, PumpStatus.INFUSING,
                new PumpProgramme("ketamine", 10.0, 21.0, 14.0, 0.5, "mg/kg/h"), 3.25, null, timeRemaining,
                List.of(new PumpAlarm(PumpAlarmKind.OCCLUSION_DOWNSTREAM, AlarmPriority.HIGH, "Occlusion", true)));
    }

    @Test
    void aResendLaterHasTheSameHashAndOtherContentAnother() {
        long first = PayloadHash.of(alarm(RECEIVED, "SBP high"));

        assertThat(PayloadHash.of(alarm(RECEIVED.plusSeconds(30), "SBP high"))).isEqualTo(first);
        assertThat(PayloadHash.of(alarm(RECEIVED, "HR high"))).isNotEqualTo(first);
        assertThat(PayloadHash.of(observations(RECEIVED.plusSeconds(30))))
                .isEqualTo(PayloadHash.of(observations(RECEIVED)));
        assertThat(PayloadHash.of(pump(RECEIVED.plusSeconds(30), Duration.ofMinutes(40))))
                .isEqualTo(PayloadHash.of(pump(RECEIVED, Duration.ofMinutes(40))));
    }

    /**
     * The hashes of stored messages stay in the store for the duplicate window; a resend that arrives after an
     * upgrade must hash as its original did before it. These values are the hashes as Vigil has always computed
     * them: a change that moves any of them makes resends of messages stored before it look like new messages.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "alarm report                          | -7188879467430612998",
            "observations with and without values  | -5157197681050646383",
            "pump report, 40 minutes left          | 522005861840843276",
            "pump report, 90.5 seconds left        | 3125412800557790272",
            "pump report, nothing left             | -3627505619094731089",
            "pump report, time left not reported   | 4611997129183828494",
    })
    void hashesAsStoredMessagesWereHashed(String report, long hash) {
        assertThat(PayloadHash.of(golden(report))).isEqualTo(hash);
    }

    private static DeviceReport golden(String report) {
        return switch (report) {
            case "alarm report" -> alarm(RECEIVED, "SBP high");
            case "observations with and without values" -> observations(RECEIVED);
            case "pump report, 40 minutes left" -> pump(RECEIVED, Duration.ofMinutes(40));
            case "pump report, 90.5 seconds left" -> pump(RECEIVED, Duration.ofMillis(90_500));
            case "pump report, nothing left" -> pump(RECEIVED, Duration.ZERO);
            case "pump report, time left not reported" -> pump(RECEIVED, null);
            default -> throw new IllegalArgumentException(report);
        };
    }
}
