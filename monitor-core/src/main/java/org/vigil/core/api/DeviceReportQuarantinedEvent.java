package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A device message was kept out of every session and chair, in a stream of its own ({@code quarantine-<uuid>}): who
 * it claimed to be from, where it came from and why it was kept out — never what it said. Engineers see these on the
 * devices page.
 *
 * @param sender        the sender as the message names itself (HL7 MSH-3, with MSH-4)
 * @param deviceId      the device the message claims to be about (HL7 OBX-18 or MSH-3)
 * @param sourceAddress the IP address the message came from
 * @param controlId     the sender's control id (HL7 MSH-10)
 * @param reason        why it was kept out: an unconfigured sender, or an address not allowed for the device
 * @param refused       whether the sender was answered {@code AR} rather than {@code AA}
 * @param receivedAt    when Vigil received it
 */
@Revision("1")
public record DeviceReportQuarantinedEvent(String quarantineId, String sender, String deviceId, String sourceAddress,
                                           String controlId, String reason, boolean refused, Instant receivedAt) {
}
