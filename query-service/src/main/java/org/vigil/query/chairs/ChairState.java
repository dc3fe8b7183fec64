package org.vigil.query.chairs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.vigil.core.api.AlarmView;
import org.vigil.core.api.AudioPauseView;
import org.vigil.core.api.ChairDeviceView;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.PumpView;
import org.vigil.core.api.SessionSummary;
import org.vigil.core.api.Vital;
import org.vigil.core.api.VitalReading;
import org.vigil.core.pump.DoseLedger;
import org.vigil.core.pump.PumpState;

/** What the chairs projection keeps per chair; what depends on the time of asking is added when it is shown. */
record ChairState(ChairId chairId, SessionSummary session, String phase, Instant doseStartedAt,
                  Map<Vital, VitalReading> vitals, Infusion infusion, List<AlarmView> alarms,
                  AudioPauseView audioPause, Map<DeviceId, ChairDeviceView> devices) {

    /**
     * The session's pumps as far as the chair shows them: what was delivered, the pump that spoke last, and the pump
     * interlock's pause of it ({@code REQUESTED}, {@code CONFIRMED} or {@code FAILED}; {@code null} when none, or once
     * the pump infuses again).
     */
    record Infusion(DoseLedger ledger, DeviceId lastPump, Double prescribedConcentrationMgPerMl,
                    String interlockPause) {

        static final Infusion NONE = new Infusion(DoseLedger.empty(), null, null, null);

        Infusion withInterlockPause(String next) {
            return new Infusion(ledger, lastPump, prescribedConcentrationMgPerMl, next);
        }
    }

    /** The same session, as the workflow has told more of it; everything else stays. */
    ChairState withSummary(SessionSummary next) {
        return new ChairState(chairId, next, phase, doseStartedAt, vitals, infusion, alarms, audioPause, devices);
    }

    ChairState withSession(SessionSummary next) {
        return new ChairState(chairId, next, null, null, Map.of(), Infusion.NONE, List.of(), null, devices);
    }

    ChairState withVitals(Map<Vital, VitalReading> next) {
        return new ChairState(chairId, session, phase, doseStartedAt, next, infusion, alarms, audioPause, devices);
    }

    ChairState withAlarms(List<AlarmView> next) {
        return new ChairState(chairId, session, phase, doseStartedAt, vitals, infusion, next, audioPause, devices);
    }

    ChairState withDevices(Map<DeviceId, ChairDeviceView> next) {
        return new ChairState(chairId, session, phase, doseStartedAt, vitals, infusion, alarms, audioPause, next);
    }

    ChairState withAudioPause(AudioPauseView next) {
        return new ChairState(chairId, session, phase, doseStartedAt, vitals, infusion, alarms, next, devices);
    }

    ChairState withInfusion(Infusion next) {
        return new ChairState(chairId, session, phase, doseStartedAt, vitals, next, alarms, audioPause, devices);
    }

    ChairState withPhase(String nextPhase, Instant nextDoseStartedAt) {
        return new ChairState(chairId, session, nextPhase, nextDoseStartedAt, vitals, infusion, alarms, audioPause,
                devices);
    }

    /** The infusion as the tile shows it, {@code null} while no pump reported. */
    PumpView pumpView() {
        if (infusion.lastPump() == null) {
            return null;
        }
        PumpState pump = infusion.ledger().pump(infusion.lastPump()).orElseThrow();
        double mg = infusion.ledger().deliveredMg(infusion.prescribedConcentrationMgPerMl());
        Double mgPerKg = session != null && session.weightKg() > 0 ? mg / session.weightKg() : null;
        return new PumpView(pump.deviceId(), pump.programme().drug(), pump.status(), pump.programme().rateMlPerHour(),
                pump.volumeInfusedMl(), pump.programme().vtbiMl(), pump.timeLeft(), mg, mgPerKg,
                infusion.interlockPause());
    }
}
