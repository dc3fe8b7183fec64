package org.vigil.query.live;

import java.time.Instant;

/**
 * A technical condition of Vigil itself that the station must show while it lasts, and that cannot be an event
 * because it is about the record store or the deciding itself: pushed on the live stream as a {@code condition}
 * event when it begins and again, {@code active} false, when it ends.
 *
 * @param id       stable name, e.g. {@code record-store-unavailable}
 * @param priority {@code HIGH}, {@code MEDIUM} or {@code LOW}, as alarms are
 * @param title    what the nurse reads first
 * @param detail   what it means and what Vigil does about it
 * @param since    when it began
 */
public record StationCondition(String id, String priority, String title, String detail, Instant since,
                               boolean active) {

    StationCondition ended() {
        return new StationCondition(id, priority, title, detail, since, false);
    }
}
