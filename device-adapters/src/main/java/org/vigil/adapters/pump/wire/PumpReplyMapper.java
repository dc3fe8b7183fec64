package org.vigil.adapters.pump.wire;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;

/**
 * Maps a status reply, with the last programme reply when there was one, to a {@link PumpReport}. Pure.
 *
 * <p>Alarm priorities follow docs/DOMAIN.md, "Infusion pumps": occlusion (either side), air in line and door open are
 * HIGH and stop the infusion; infusion complete is MEDIUM (the nurse must act soon, but nothing is wrong); low
 * battery is LOW. An alarm code the layout does not name becomes {@link PumpAlarmKind#OTHER} at MEDIUM, with the
 * code in its text, so nothing the pump says is lost.
 */
public final class PumpReplyMapper {

    private PumpReplyMapper() {
    }

    /**
     * @param programme  the last programme reply on this connection, or {@code null}; its rate is not used, the
     *                   status reply's rate is newer
     * @param deviceZone the zone the pump's clock is set to
     */
    public static PumpReport map(PumpReply.Status status, PumpReply.Programme programme, DeviceId deviceId,
                                 MessageKey key, Instant receivedAt, ZoneId deviceZone) {
        Objects.requireNonNull(status, "status");
        Instant deviceTime = status.deviceTime() == null ? null : status.deviceTime().atZone(deviceZone).toInstant();
        PumpProgramme programmed = programme == null
                ? new PumpProgramme(null, null, status.rateMlPerHour(), null, null, null)
                : new PumpProgramme(programme.drug(), programme.concentrationMgPerMl(), status.rateMlPerHour(),
                        programme.vtbiMl(), programme.doseRate(), programme.doseRateUnit());
        Double remaining = status.volumeRemainingMl();
        if (remaining == null && programme != null) {
            remaining = Math.max(0.0, programme.vtbiMl() - status.volumeInfusedMl());
        }
        return new PumpReport(deviceId, key, deviceTime, receivedAt, status(status.mode()), programmed,
                status.volumeInfusedMl(), remaining, status.timeRemaining(), alarms(status.alarmCodes()));
    }

    static PumpStatus status(PumpMode mode) {
        return switch (mode) {
            case IDLE -> PumpStatus.IDLE;
            case INFUSING -> PumpStatus.INFUSING;
            case PAUSED -> PumpStatus.PAUSED;
            case STOPPED -> PumpStatus.STOPPED;
            case COMPLETE -> PumpStatus.COMPLETE;
            case KVO -> PumpStatus.KVO;
        };
    }

    static List<PumpAlarm> alarms(List<String> codes) {
        List<PumpAlarm> alarms = new ArrayList<>(codes.size());
        for (String code : codes) {
            alarms.add(alarm(code));
        }
        return alarms;
    }

    static PumpAlarm alarm(String code) {
        return switch (code) {
            case "OCCL_DOWN" -> stopping(PumpAlarmKind.OCCLUSION_DOWNSTREAM, "Downstream occlusion");
            case "OCCL_UP" -> stopping(PumpAlarmKind.OCCLUSION_UPSTREAM, "Upstream occlusion");
            case "AIR" -> stopping(PumpAlarmKind.AIR_IN_LINE, "Air in line");
            case "DOOR" -> stopping(PumpAlarmKind.DOOR_OPEN, "Door open");
            case "COMPLETE" -> new PumpAlarm(PumpAlarmKind.INFUSION_COMPLETE, AlarmPriority.MEDIUM,
                    "Infusion complete", false);
            case "BATT_LOW" -> new PumpAlarm(PumpAlarmKind.LOW_BATTERY, AlarmPriority.LOW, "Low battery", false);
            default -> new PumpAlarm(PumpAlarmKind.OTHER, AlarmPriority.MEDIUM, "Pump alarm " + code, false);
        };
    }

    private static PumpAlarm stopping(PumpAlarmKind kind, String text) {
        return new PumpAlarm(kind, AlarmPriority.HIGH, text, true);
    }
}
