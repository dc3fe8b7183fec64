package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Seats a day's booking at a chair as the session {@code sessionId}; a booking is seated once. */
public record SeatBookingCommand(String day, String bookingId, SessionId sessionId, ChairId chairId, String user,
                                 Instant at) {

    @TargetAggregateIdentifier
    public String bookingsId() {
        return BookForDayCommand.streamOf(day);
    }
}
