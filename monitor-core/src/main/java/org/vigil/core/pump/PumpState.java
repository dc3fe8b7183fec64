package org.vigil.core.pump;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;

/**
 * A pump as its messages so far describe it: the programme in effect ({@link PumpProgrammes#merge}), its status,
 * the volumes it last reported and its alarms of the last message. Values a message did not carry keep their last
 * reported value; the alarms are those of the last message only, since a pump reports every active alarm each time.
 *
 * @param status     the last status reported, {@code null} while none was
 * @param deviceTime the pump's own timestamp of the last message, {@code null} if it gave none
 * @param receivedAt Vigil's clock when the last message arrived
 */
public record PumpState(DeviceId deviceId, PumpProgramme programme, PumpStatus status, Instant deviceTime,
                        Instant receivedAt, Double volumeInfusedMl, Double volumeRemainingMl, Duration timeRemaining,
                        List<PumpAlarm> alarms) {

    public PumpState {
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
    }

    public static PumpState first(PumpReport report) {
        return new PumpState(report.deviceId(), PumpProgrammes.NONE, null, null, null, null, null, null, List.of())
                .next(report);
    }

    public PumpState next(PumpReport report) {
        PumpStatus newStatus = report.status() != null ? report.status() : status;
        return new PumpState(deviceId, PumpProgrammes.merge(programme, report.programme(), newStatus), newStatus,
                report.deviceTime(), report.receivedAt(),
                report.volumeInfusedMl() != null ? report.volumeInfusedMl() : volumeInfusedMl,
                report.volumeRemainingMl() != null ? report.volumeRemainingMl() : volumeRemainingMl,
                report.timeRemaining(), report.alarms());
    }

    /**
     * Time left of the programme: as the pump said, else the volume remaining at the programmed rate while it
     * infuses; zero once complete; {@code null} when it cannot be known.
     */
    public Duration timeLeft() {
        if (status == PumpStatus.COMPLETE || status == PumpStatus.KVO) {
            return Duration.ZERO;
        }
        if (timeRemaining != null) {
            return timeRemaining;
        }
        Double rate = programme.rateMlPerHour();
        if (status != PumpStatus.INFUSING || volumeRemainingMl == null || rate == null || rate <= 0) {
            return null;
        }
        return Duration.ofMillis(Math.round(volumeRemainingMl / rate * 3_600_000));
    }
}
