package org.vigil.adapters.hl7.wire;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of one infusion pump, with the one to read for each term. A pump reports some terms twice: the
 * delivery channel's {@code MDC_FLOW_FLUID_PUMP} is the flow right now (0 while paused) and the source
 * channel's is the programmed rate (PCD-01 pump containment; IPEC model: delivery info, then one source
 * per fluid). The programme is read from the active source channel (named by
 * {@code MDC_DEV_PUMP_ACTIVE_SOURCES}, e.g. {@code pump-source-info-primary}), else from any source
 * channel, else from wherever the term is; among equals the first row wins.
 */
final class PumpRows {

    private final List<ObxRow> rows;
    private final Map<String, String> channels = new HashMap<>();
    private final String activeSource;

    PumpRows(List<ObxRow> rows) {
        this.rows = List.copyOf(rows);
        for (ObxRow row : rows) {
            List<String> path = row.containment();
            if (path.size() == 4 && "0".equals(path.get(3)) && !"0".equals(path.get(2))) {
                channels.put(channelOf(path), row.referenceId().toUpperCase(Locale.ROOT));
            }
        }
        this.activeSource = first(PumpTerms.ACTIVE_SOURCES)
                .map(row -> row.enumerated().replace("pump-source-info-", "").toUpperCase(Locale.ROOT))
                .orElse("");
    }

    List<ObxRow> all() {
        return rows;
    }

    /** The row to read for {@code term}, preferring the active source channel. */
    Optional<ObxRow> best(MdcTerm term) {
        ObxRow best = null;
        int bestScore = -1;
        for (ObxRow row : rows) {
            if (row.is(term)) {
                int score = score(row);
                if (score > bestScore) {
                    best = row;
                    bestScore = score;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    Optional<ObxRow> first(MdcTerm term) {
        return rows.stream().filter(row -> row.is(term)).findFirst();
    }

    List<ObxRow> every(MdcTerm term) {
        return rows.stream().filter(row -> row.is(term)).toList();
    }

    private int score(ObxRow row) {
        List<String> path = row.containment();
        if (path.size() < 3) {
            return 0;
        }
        String channel = channels.getOrDefault(channelOf(path), "");
        if (!channel.contains("SOURCE")) {
            return 0;
        }
        return !activeSource.isEmpty() && channel.contains(activeSource) ? 2 : 1;
    }

    private static String channelOf(List<String> path) {
        return path.get(0) + "." + path.get(1) + "." + path.get(2);
    }
}
