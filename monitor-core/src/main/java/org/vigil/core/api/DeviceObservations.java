package org.vigil.core.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One device message, decoded and mapped: what an adapter hands over to be recorded.
 * It becomes exactly one {@link ObservationsRecordedEvent} (docs/DESIGN.md, principle 2).
 *
 * @param deviceTime when the device says the message was made ({@code null} if it did not say)
 * @param receivedAt when Vigil received the message, by Vigil's clock
 */
public record DeviceObservations(DeviceId deviceId, MessageKey messageKey, Instant deviceTime, Instant receivedAt,
                                 List<Observation> observations) implements DeviceReport {
    public DeviceObservations {
        Objects.requireNonNull(deviceId, "device id");
        Objects.requireNonNull(messageKey, "message key");
        Objects.requireNonNull(receivedAt, "received at");
        observations = List.copyOf(observations);
    }
}
