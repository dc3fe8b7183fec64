package org.vigil.query.sessions;

import java.util.List;
import org.vigil.core.api.SessionSummary;

/**
 * One page of the sessions list: the rows, and how many sessions match in all.
 *
 * @param total sessions matching the search, over every page
 */
public record SessionListing(List<Row> rows, long total, int page, int size) {

    /** A session as the list shows it. */
    public record Row(SessionSummary summary, long observationMessages, int highAlarms, boolean doseMismatch) {
    }
}
