package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A named user seated a day's booking at a chair: the session {@code sessionId} was booked there with its data. */
@Revision("1")
public record BookingSeatedEvent(String day, String bookingId, SessionId sessionId, ChairId chairId, String user,
                                 Instant at) {
}
