package org.vigil.core.alarm;

import org.vigil.core.api.PumpStatus;
import org.vigil.core.pump.PumpProgrammes;

/**
 * What the dose rules see of a chair's infusion: the programme of the pump that reported last, the dose all the
 * session's pumps delivered ({@link org.vigil.core.pump.DoseLedger}) and the patient's weight.
 *
 * @param drug                 the drug the pump names, {@code null} when it names none
 * @param concentrationMgPerMl the pump's concentration, else the prescription's, else {@code null}
 * @param remainingMl          volume still to be infused by the pump's programme, {@code null} when unknown
 */
record Infusion(String drug, Double concentrationMgPerMl, Double rateMlPerHour, Double vtbiMl, PumpStatus status,
                double deliveredMg, Double remainingMl, double weightKg) {

    /** The dose rate the programme delivers, mg/h; {@code null} when not delivering its programme or unknown. */
    Double programmedMgPerHour() {
        if (!PumpProgrammes.deliversProgramme(status) || rateMlPerHour == null || concentrationMgPerMl == null) {
            return null;
        }
        return rateMlPerHour * concentrationMgPerMl;
    }

    Double doseRateMgPerKgPerHour() {
        Double mgPerHour = programmedMgPerHour();
        return mgPerHour == null ? null : mgPerHour / weightKg;
    }

    /** The dose the programme is set to give, mg: volume to be infused × concentration. */
    Double plannedMg() {
        return vtbiMl == null || concentrationMgPerMl == null ? null : vtbiMl * concentrationMgPerMl;
    }

    /**
     * The dose the session will have had when the programme completes: what was delivered plus what remains at
     * the concentration; once complete (or in KVO), what was delivered. {@code null} when it cannot be told.
     */
    Double projectedTotalMg() {
        if (status == PumpStatus.COMPLETE || status == PumpStatus.KVO) {
            return deliveredMg;
        }
        if (remainingMl == null || concentrationMgPerMl == null) {
            return null;
        }
        return deliveredMg + remainingMl * concentrationMgPerMl;
    }

    boolean finished() {
        return status == PumpStatus.COMPLETE || status == PumpStatus.KVO;
    }
}
