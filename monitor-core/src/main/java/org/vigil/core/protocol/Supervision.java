package org.vigil.core.protocol;

import java.time.Duration;
import java.time.Instant;

/**
 * How Vigil watches its devices. A device that sends nothing usable for {@code deviceSilentAfter} is reported
 * silent and raises the technical alarm "device offline" on its chair (docs/DOMAIN.md, "Alarm rules": technical,
 * device offline). The time must exceed the slowest regular message of a device (monitors report numerics about
 * once a second, the pump adapter polls every 2 s) so that one late message does not sound an alarm.
 */
public record Supervision(Duration deviceSilentAfter) {

    /**
     * Whether a device whose last usable message arrived at {@code lastUsableAt} (or whose connection opened then,
     * if nothing usable arrived since) counts as silent at {@code now}: from the silence time on, inclusive.
     */
    public boolean isSilent(Instant lastUsableAt, Instant now) {
        return !now.isBefore(lastUsableAt.plus(deviceSilentAfter));
    }
}
