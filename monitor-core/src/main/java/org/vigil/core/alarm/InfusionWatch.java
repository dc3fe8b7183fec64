package org.vigil.core.alarm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.InfusionPrescribedEvent;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SoftLimitOverriddenEvent;
import org.vigil.core.protocol.DrugLibrary;
import org.vigil.core.protocol.DrugLimits;
import org.vigil.core.pump.DoseLedger;
import org.vigil.core.pump.InfusionPrescription;
import org.vigil.core.pump.PumpProgrammes;
import org.vigil.core.pump.PumpState;

/**
 * What the dose-safety decisions know of one session, folded from its events only: the weight, the prescription,
 * the pumps' messages (through the same {@link DoseLedger} a read model uses), the programme whose soft limit a
 * nurse overrode, and the session's active alarms.
 */
final class InfusionWatch implements FoldedSession {

    private final SessionAlarms alarms;
    private final double weightKg;
    private InfusionPrescription prescription;
    private DoseLedger ledger = DoseLedger.empty();
    private DeviceId lastPump;
    private PumpProgramme overriddenProgramme;

    private InfusionWatch(SessionStartedEvent started) {
        this.alarms = SessionAlarms.started(started);
        this.weightKg = started.weightKg();
    }

    static InfusionWatch started(SessionStartedEvent event) {
        return new InfusionWatch(event);
    }

    @Override
    public void apply(Object event) {
        if (event instanceof InfusionPrescribedEvent prescribed) {
            prescription = InfusionPrescription.of(prescribed);
        } else if (event instanceof PumpReportRecordedEvent recorded) {
            ledger = ledger.record(recorded.report());
            lastPump = recorded.report().deviceId();
        } else if (event instanceof SoftLimitOverriddenEvent) {
            overriddenProgramme = currentPump().map(PumpState::programme).orElse(null);
        } else {
            alarms.apply(event);
        }
    }

    SessionAlarms alarms() {
        return alarms;
    }

    InfusionPrescription prescription() {
        return prescription;
    }

    /** The infusion of the pump that reported last; {@code null} before any pump reported. */
    Infusion infusion() {
        PumpState pump = currentPump().orElse(null);
        if (pump == null) {
            return null;
        }
        PumpProgramme programme = pump.programme();
        Double prescribedConcentration = prescription == null ? null : prescription.concentrationMgPerMl();
        Double concentration = programme.concentrationMgPerMl() != null ? programme.concentrationMgPerMl()
                : prescribedConcentration;
        return new Infusion(programme.drug(), concentration, programme.rateMlPerHour(), programme.vtbiMl(),
                pump.status(), ledger.deliveredMg(prescribedConcentration), remainingMl(pump), weightKg);
    }

    /** The library entry of the drug the pump names, else of the prescribed drug. */
    DrugLimits limits(DrugLibrary library) {
        String drug = currentPump().map(pump -> pump.programme().drug()).orElse(null);
        if (drug == null && prescription != null) {
            drug = prescription.drug();
        }
        return library.find(drug).orElse(null);
    }

    /** Whether a nurse overrode the soft limit of the programme the pump still has. */
    boolean softLimitOverridden() {
        PumpProgramme current = currentPump().map(PumpState::programme).orElse(null);
        return overriddenProgramme != null && current != null
                && PumpProgrammes.change(overriddenProgramme, current).isEmpty();
    }

    /** The alarms each pump reported in its last message. */
    Map<DeviceId, List<PumpAlarm>> pumpAlarms() {
        Map<DeviceId, List<PumpAlarm>> alarmsByPump = new LinkedHashMap<>();
        ledger.pumps().forEach((id, pump) -> alarmsByPump.put(id, pump.alarms()));
        return alarmsByPump;
    }

    private Optional<PumpState> currentPump() {
        return lastPump == null ? Optional.empty() : ledger.pump(lastPump);
    }

    private static Double remainingMl(PumpState pump) {
        if (pump.volumeRemainingMl() != null) {
            return pump.volumeRemainingMl();
        }
        Double vtbi = pump.programme().vtbiMl();
        if (vtbi != null && pump.volumeInfusedMl() != null) {
            return Math.max(0, vtbi - pump.volumeInfusedMl());
        }
        return null;
    }
}
