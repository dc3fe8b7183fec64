package org.vigil.query.quarantine;

import java.time.Instant;

/**
 * A quarantined message as engineers see it.
 *
 * @param answer what the sender was told: {@code AA} (received) or {@code AR} (refused)
 */
public record QuarantinedSender(String sender, String deviceId, String sourceAddress, String controlId, String reason,
                                String answer, Instant receivedAt) {
}
