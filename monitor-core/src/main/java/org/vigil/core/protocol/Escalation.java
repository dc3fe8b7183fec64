package org.vigil.core.protocol;

import java.time.Duration;

/**
 * When an unacknowledged alarm goes to the charge nurse or provider (secondary notification, IHE PCD ACM;
 * DOMAIN.md, "Alarm behaviour").
 */
public record Escalation(Duration highUnacknowledged, Duration mediumUnacknowledged) {
}
