package org.vigil.core.api;

import java.time.Instant;

/**
 * A blood-pressure check the protocol requires (esketamine REMS: before dosing, about 40 min after, before
 * discharge) and whether it was done.
 *
 * @param dueAt        when it is due; {@code null} while it cannot be known yet (before dosing started)
 * @param windowOpens  the earliest time a reading counts for it
 * @param windowCloses the latest time a reading counts for it, {@code null} while open-ended
 * @param doneAt       when the reading that satisfied it was taken, {@code null} unless done
 */
public record CheckpointView(String label, Instant dueAt, Instant windowOpens, Instant windowCloses,
                             CheckpointStatus status, Instant doneAt) {
}
