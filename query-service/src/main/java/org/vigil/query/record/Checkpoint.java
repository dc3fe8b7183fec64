package org.vigil.query.record;

import java.time.Instant;

/**
 * How far a verification read: the highest global index, how many events there were up to it, and when. The next
 * verification reads only what is after it, or, reading everything, checks that no event up to it is gone.
 */
public record Checkpoint(long upTo, long eventsUpTo, Instant verifiedAt) {
}
