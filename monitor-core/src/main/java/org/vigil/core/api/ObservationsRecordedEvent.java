package org.vigil.core.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.serialization.Revision;

/**
 * One device message with all its values: one event per message (docs/DESIGN.md, principle 2).
 *
 * <p>Revision 2: an observation carries its own device time only when it differs from the message's; read it with
 * {@link #deviceTimeOf(Observation)}. Revision 1 repeated the message's time in every observation; such events are
 * read through {@code org.vigil.core.upcasting.ObservationTimesUpcaster}.
 *
 * @param sessionId    the session it belongs to, or {@code null} when the device had no session
 * @param chairId      the chair the device is configured for, or {@code null} when no one configured it
 * @param deviceTime   the device's own timestamp for the message, {@code null} if it gave none
 * @param receivedAt   Vigil's clock when the message arrived
 * @param observations the values; an observation's {@code deviceTime} is {@code null} when it is the message's
 */
@Revision("2")
public record ObservationsRecordedEvent(SessionId sessionId, ChairId chairId, DeviceId deviceId,
                                        MessageKey messageKey, Instant deviceTime, Instant receivedAt,
                                        List<Observation> observations) {

    /** The event that records {@code message}: an observation measured at the message's time leaves it to it. */
    public static ObservationsRecordedEvent of(SessionId sessionId, ChairId chairId, DeviceObservations message) {
        List<Observation> observations = message.observations().stream()
                .map(o -> Objects.equals(o.deviceTime(), message.deviceTime())
                        ? new Observation(o.mdcCode(), o.label(), o.value(), o.unit(), null)
                        : o)
                .toList();
        return new ObservationsRecordedEvent(sessionId, chairId, message.deviceId(), message.messageKey(),
                message.deviceTime(), message.receivedAt(), observations);
    }

    /**
     * When the device says it measured {@code observation}: its own time, else the message's; {@code null} when the
     * device gave neither.
     */
    public Instant deviceTimeOf(Observation observation) {
        return observation.deviceTime() != null ? observation.deviceTime() : deviceTime;
    }
}
