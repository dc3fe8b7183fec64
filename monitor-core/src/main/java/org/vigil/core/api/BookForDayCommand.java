package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Books a patient for a clinic day without a chair yet ({@link SessionBookedForDayEvent} has the fields); a nurse
 * seats the booking at a free chair when the patient comes ({@link SeatBookingCommand}).
 *
 * @param day the clinic day, ISO-8601 ({@code 2026-12-06})
 */
public record BookForDayCommand(String day, String bookingId, String patientPseudonym, Double weightKg,
                                Integer ageYears, Treatment treatment, String user, Instant at) {

    @TargetAggregateIdentifier
    public String bookingsId() {
        return streamOf(day);
    }

    /** A day's bookings, in a stream of their own: {@code bookings-<day>}. */
    public static String streamOf(String day) {
        return "bookings-" + day;
    }
}
