package org.vigil.core.api;

/** The stream of a clinic day's bookings without a chair: {@code bookings-<day>}. */
public final class DayBookingsId {

    private DayBookingsId() {
    }

    public static String of(String day) {
        return "bookings-" + day;
    }
}
