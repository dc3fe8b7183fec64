package org.vigil.core.protocol;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.vigil.core.api.AlarmPriority;

/**
 * The opt-in pump interlock of a clinic (docs/DOMAIN.md, "Pump interlock"): which HIGH alarms make Vigil pause a
 * chair's infusing pump, which pump protocols it may command, and how soon the pump must show the pause before Vigil
 * raises the technical alarm "pump did not pause". Off unless the protocol file has a {@code pumpInterlock} section.
 * Vigil only ever pauses; a nurse restarts the infusion at the pump.
 *
 * @param rules         the alarm rules whose HIGH alarm pauses the pump; empty when the interlock is off
 * @param pumpProtocols the device protocols (as in {@code vigil.devices[].protocol}) Vigil may command
 * @param confirmWithin how long after the pause is sent the pump must report itself paused or stopped
 */
public record PumpInterlock(Set<String> rules, Set<String> pumpProtocols, Duration confirmWithin) {

    /** The alarm rules a clinic may select: the HIGH alarms of a ketamine infusion that warrant stopping it. */
    public static final Set<String> SELECTABLE_RULES = Set.of("severe-hypertension", "desaturation", "bradypnea");

    /** The pump protocols that carry a pause command: the serial ASCII protocol of docs/PROTOCOLS.md §3. */
    public static final Set<String> COMMANDABLE_PROTOCOLS = Set.of("pump-ascii");

    public PumpInterlock {
        rules = Set.copyOf(rules);
        pumpProtocols = Set.copyOf(pumpProtocols);
        Objects.requireNonNull(confirmWithin, "confirm within");
    }

    /** The interlock of a protocol file without a {@code pumpInterlock} section: no alarm pauses any pump. */
    public static PumpInterlock off() {
        return new PumpInterlock(Set.of(), Set.of(), Duration.ZERO);
    }

    public boolean enabled() {
        return !rules.isEmpty();
    }

    /** Whether an alarm of this rule and priority pauses the pump. */
    public boolean pausesOn(String rule, AlarmPriority priority) {
        return priority == AlarmPriority.HIGH && rules.contains(rule);
    }

    /** Whether Vigil may send the pause to a pump speaking this device protocol. */
    public boolean commands(String protocol) {
        return pumpProtocols.contains(protocol);
    }
}
