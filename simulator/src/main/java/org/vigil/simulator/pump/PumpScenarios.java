package org.vigil.simulator.pump;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pump scenarios of issue 4 ("Simulator"), each built from the prescribed dose (docs/DOMAIN.md, "Infusion pumps":
 * the default ketamine entry is 0.5 mg/kg over 40 min). All start infusing at time 0.
 */
public final class PumpScenarios {

    /** The downstream occlusion of the {@code occlusion} scenario comes at minute 12. */
    public static final Duration OCCLUSION_AT = Duration.ofMinutes(12);
    /** The door of the {@code door-open} scenario opens at minute 20 (mid-infusion) and closes a minute later. */
    public static final Duration DOOR_OPENS_AT = Duration.ofMinutes(20);
    public static final Duration DOOR_CLOSES_AT = Duration.ofMinutes(21);
    /** The {@code stops-answering} pump answers for its first 10 minutes. */
    public static final Duration SILENT_AFTER = Duration.ofMinutes(10);

    public static final List<String> NAMES = List.of("normal", "occlusion", "rate-tenfold", "door-open",
            "stops-answering");

    private PumpScenarios() {
    }

    /** @throws IllegalArgumentException for a name not in {@link #NAMES} */
    public static PumpScenario named(String name, PumpDose dose) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "normal" -> normal(dose);
            case "occlusion" -> occlusion(dose);
            case "rate-tenfold" -> rateTenfold(dose);
            case "door-open" -> doorOpen(dose);
            case "stops-answering" -> stopsAnswering(dose);
            default -> throw new IllegalArgumentException("unknown pump scenario '" + name + "'; known: "
                    + String.join(", ", NAMES));
        };
    }

    /** The prescribed infusion, delivered to the end, then KVO. */
    public static PumpScenario normal(PumpDose dose) {
        return new PumpScenario("normal", "the prescribed infusion runs to completion", dose.programme(),
                List.of(start()), Optional.empty());
    }

    /** A downstream occlusion at minute 12 stops the infusion; the alarm stays until cleared. */
    public static PumpScenario occlusion(PumpDose dose) {
        return new PumpScenario("occlusion", "downstream occlusion at minute 12", dose.programme(),
                List.of(start(), ScheduledAction.at(OCCLUSION_AT, "downstream occlusion",
                        pump -> pump.raise(PumpAlarmCode.OCCL_DOWN))), Optional.empty());
    }

    /** The rate programmed ten times too high: the whole volume goes in in a tenth of the time. */
    public static PumpScenario rateTenfold(PumpDose dose) {
        Programme right = dose.programme();
        Programme wrong = right.withRate(right.rateMlPerHour() * 10, right.doseRate() * 10);
        return new PumpScenario("rate-tenfold", "rate programmed ten times too high", wrong, List.of(start()),
                Optional.empty());
    }

    /** The door opened mid-infusion (minute 20) and closed a minute later; the infusion stays stopped. */
    public static PumpScenario doorOpen(PumpDose dose) {
        return new PumpScenario("door-open", "door opened at minute 20, closed at minute 21", dose.programme(),
                List.of(start(),
                        ScheduledAction.at(DOOR_OPENS_AT, "door opened", pump -> pump.raise(PumpAlarmCode.DOOR)),
                        ScheduledAction.at(DOOR_CLOSES_AT, "door closed", pump -> pump.clear(PumpAlarmCode.DOOR))),
                Optional.empty());
    }

    /** Infuses normally but stops answering the serial protocol after 10 minutes, as a hung interface does. */
    public static PumpScenario stopsAnswering(PumpDose dose) {
        return new PumpScenario("stops-answering", "stops answering after 10 minutes", dose.programme(),
                List.of(start()), Optional.of(SILENT_AFTER));
    }

    private static ScheduledAction start() {
        return ScheduledAction.at(Duration.ZERO, "start", PumpModel::start);
    }
}
