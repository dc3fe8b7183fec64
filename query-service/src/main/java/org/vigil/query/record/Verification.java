package org.vigil.query.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What one verification of the record found.
 *
 * @param full               whether it read the whole record, or only the events stored since the last one
 * @param checkpoint         how far the record is verified: the highest global index, the events up to it, when
 * @param events             how many events it read
 * @param hashedFrom         the global index of the first event stored with a hash, or null when none is
 * @param eventsBeforeHashes how many events were stored before Vigil hashed events: counted, not hashed
 * @param findingsTotal      how many altered, inserted or deleted events it found
 * @param findings           the first of them (at most {@value RecordVerifier#MAX_FINDINGS}), by global index
 */
public record Verification(boolean full, Checkpoint checkpoint, long events, Long hashedFrom,
                           long eventsBeforeHashes, int findingsTotal, List<Finding> findings) {

    /** True when nothing was found altered, inserted or deleted. */
    @JsonProperty
    public boolean intact() {
        return findingsTotal == 0;
    }

    /** The first finding, by global index, or null when the record is intact. */
    @JsonProperty
    public Finding first() {
        return findings.isEmpty() ? null : findings.get(0);
    }
}
