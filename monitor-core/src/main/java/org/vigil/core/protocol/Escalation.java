package org.vigil.core.protocol;

import java.time.Duration;
import java.util.Optional;
import org.vigil.core.api.AlarmPriority;

/**
 * When an unacknowledged alarm goes to the charge nurse or provider (secondary notification, IHE PCD ACM;
 * docs/DOMAIN.md, "Alarm behaviour").
 *
 * @param recipient who an escalated alarm goes to, as the clinic names them
 */
public record Escalation(Duration highUnacknowledged, Duration mediumUnacknowledged, String recipient) {

    /** How long an alarm of this priority may stay unacknowledged; LOW alarms are not escalated. */
    public Optional<Duration> after(AlarmPriority priority) {
        return switch (priority) {
            case HIGH -> Optional.of(highUnacknowledged);
            case MEDIUM -> Optional.of(mediumUnacknowledged);
            case LOW -> Optional.empty();
        };
    }
}
