package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A named user booked a patient for a clinic day, with no chair yet: the session exists only once the booking is
 * seated at a chair ({@link BookingSeatedEvent}). Stored in the day's stream {@code bookings-<day>}.
 *
 * @param day the clinic day, ISO-8601 ({@code 2026-12-06})
 */
@Revision("1")
public record SessionBookedForDayEvent(String day, String bookingId, String patientPseudonym, double weightKg,
                                       int ageYears, Treatment treatment, String user, Instant at) {
}
