package org.vigil.adapters.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * A message a {@link SenderFence} kept out of the record: who it claims to be from and where it came from, never
 * what it says.
 *
 * @param sender        the sender as the message names itself (HL7 MSH-3, with MSH-4)
 * @param deviceId      the device it claims to be about (HL7 OBX-18 or MSH-3)
 * @param sourceAddress the IP address it came from
 * @param controlId     the sender's control id (HL7 MSH-10)
 * @param reason        why it was kept out
 * @param refused       whether the sender was told it was refused ({@code AR}) rather than received
 * @param receivedAt    when Vigil received it, by Vigil's clock
 */
public record QuarantinedMessage(String sender, String deviceId, String sourceAddress, String controlId,
                                 String reason, boolean refused, Instant receivedAt) {
    public QuarantinedMessage {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(deviceId, "device id");
        Objects.requireNonNull(sourceAddress, "source address");
        Objects.requireNonNull(controlId, "control id");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(receivedAt, "received at");
    }
}
