package org.vigil.query.sessions;

import java.time.Instant;
import java.util.Map;
import org.vigil.core.api.Treatment;

/**
 * What a director looks for in the sessions index: every criterion is optional ({@code null} or {@code false} means
 * "any"), the sort is one of {@link #SORTS} and the page counts from 0.
 *
 * @param from      sessions started at or after
 * @param to        sessions started before
 * @param patient   the patient's pseudonym, exactly
 * @param highAlarm only sessions in which a HIGH alarm was raised
 * @param doseMismatch only sessions in which the dose departed from the prescription
 * @param remsIncomplete only esketamine sessions whose REMS Patient Monitoring Form still misses a field
 */
public record SessionSearch(Instant from, Instant to, String chair, String patient, Treatment treatment,
                            boolean highAlarm, boolean doseMismatch, boolean remsIncomplete, String sort, boolean ascending, int page,
                            int size) {

    /** The columns a list may be sorted by, and the field of the index each stands for. */
    public static final Map<String, String> SORTS = Map.of("startedAt", "startedAt", "chair", "chairId",
            "patient", "patientPseudonym", "treatment", "treatment", "highAlarms", "highAlarms",
            "observationMessages", "observationMessages");
    public static final int MAX_SIZE = 200;

    public SessionSearch {
        if (!SORTS.containsKey(sort)) {
            throw new IllegalArgumentException("sort must be one of " + SORTS.keySet());
        }
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_SIZE);
        }
    }
}
