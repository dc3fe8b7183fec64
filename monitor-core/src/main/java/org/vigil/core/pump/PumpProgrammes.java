package org.vigil.core.pump;

import java.util.Objects;
import java.util.Optional;
import org.vigil.core.api.ProgrammeChange;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpStatus;

/**
 * How successive pump messages make up the programme in effect. A message rarely carries everything: a PCD-10
 * event may say only that the rate changed, a serial status reply may not name the drug. So each field keeps its
 * last reported value until a message reports another one.
 *
 * <p>The rate a pump shows while it is not delivering its programme is not the programme: in KVO it is the
 * keep-vein-open rate, stopped or complete pumps may show 0 (docs/DOMAIN.md, "Infusion pumps"). A rate reported in
 * those states, and any rate that is not above 0, leaves the programmed rate as it was.
 */
public final class PumpProgrammes {

    /** Nothing reported yet. */
    public static final PumpProgramme NONE = new PumpProgramme(null, null, null, null, null, null);

    private PumpProgrammes() {
    }

    /**
     * @param previous the programme in effect before the message, {@link #NONE} when none was reported
     * @param reported what the message carried, {@code null} when it carried no programme
     * @param status   the pump's status with this message (the last known one when the message had none)
     */
    public static PumpProgramme merge(PumpProgramme previous, PumpProgramme reported, PumpStatus status) {
        PumpProgramme before = previous == null ? NONE : previous;
        if (reported == null) {
            return before;
        }
        Double rate = isProgrammeRate(reported.rateMlPerHour(), status) ? reported.rateMlPerHour()
                : before.rateMlPerHour();
        return new PumpProgramme(
                reported.drug() != null && !reported.drug().isBlank() ? reported.drug() : before.drug(),
                positive(reported.concentrationMgPerMl()) ? reported.concentrationMgPerMl()
                        : before.concentrationMgPerMl(),
                rate,
                positive(reported.vtbiMl()) ? reported.vtbiMl() : before.vtbiMl(),
                reported.doseRate() != null ? reported.doseRate() : before.doseRate(),
                reported.doseRateUnit() != null ? reported.doseRateUnit() : before.doseRateUnit());
    }

    /**
     * What changed between two programmes in drug, concentration, rate or volume to be infused; the dose rate a
     * pump states follows from those and is not compared. Empty when nothing changed, or nothing is known yet.
     */
    public static Optional<ProgrammeChange> change(PumpProgramme before, PumpProgramme after) {
        PumpProgramme was = before == null ? NONE : before;
        if (sameExceptRate(was, after) && Objects.equals(was.rateMlPerHour(), after.rateMlPerHour())) {
            return Optional.empty();
        }
        if (isEmpty(was)) {
            return Optional.of(ProgrammeChange.FIRST_PROGRAMME);
        }
        return Optional.of(sameExceptRate(was, after) ? ProgrammeChange.RATE_CHANGED
                : ProgrammeChange.PROGRAMME_CHANGED);
    }

    /** Whether a pump in this status delivers its programmed rate, or is set to start it. */
    public static boolean deliversProgramme(PumpStatus status) {
        return status != PumpStatus.KVO && status != PumpStatus.COMPLETE && status != PumpStatus.STOPPED;
    }

    private static boolean isProgrammeRate(Double rate, PumpStatus status) {
        return positive(rate) && deliversProgramme(status);
    }

    private static boolean sameExceptRate(PumpProgramme a, PumpProgramme b) {
        return Objects.equals(a.drug(), b.drug()) && Objects.equals(a.concentrationMgPerMl(), b.concentrationMgPerMl())
                && Objects.equals(a.vtbiMl(), b.vtbiMl());
    }

    private static boolean isEmpty(PumpProgramme programme) {
        return programme.drug() == null && programme.concentrationMgPerMl() == null
                && programme.rateMlPerHour() == null && programme.vtbiMl() == null;
    }

    private static boolean positive(Double value) {
        return value != null && value > 0 && !value.isInfinite();
    }
}
