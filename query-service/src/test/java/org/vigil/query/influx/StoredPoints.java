package org.vigil.query.influx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.influxdb.dto.QueryResult;

/** What InfluxDB holds, read back with InfluxQL: every row of a measurement as column → value. */
final class StoredPoints {

    private StoredPoints() {
    }

    /** Every point of {@code measurement}, oldest first, each a map of column to value (time as an Instant). */
    static List<Map<String, Object>> all(InfluxServer influx, String measurement) {
        return rows(influx.query(VigilWithInflux.DATABASE, "SELECT * FROM \"" + measurement + "\""));
    }

    static List<Map<String, Object>> rows(QueryResult result) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (QueryResult.Result statement : result.getResults()) {
            if (statement.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series series : statement.getSeries()) {
                for (List<Object> values : series.getValues()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    if (series.getTags() != null) {
                        row.putAll(series.getTags());
                    }
                    for (int i = 0; i < series.getColumns().size(); i++) {
                        String column = series.getColumns().get(i);
                        Object value = values.get(i);
                        row.put(column, column.equals("time") && value instanceof String s ? Instant.parse(s) : value);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Every point of every event-derived measurement, in a stable order: what a replay must reproduce. */
    static Map<String, List<Map<String, Object>>> eventDerived(InfluxServer influx) {
        Map<String, List<Map<String, Object>>> all = new TreeMap<>();
        for (String measurement : List.of(InfluxSchema.OBSERVATION, InfluxSchema.DEVICE_MESSAGE,
                InfluxSchema.ALARM, InfluxSchema.SESSION)) {
            List<Map<String, Object>> rows = new ArrayList<>(all(influx, measurement));
            rows.sort((a, b) -> (a.get("time") + "" + new TreeMap<>(a)).compareTo(b.get("time") + ""
                    + new TreeMap<>(b)));
            all.put(measurement, rows);
        }
        return all;
    }

    static long count(Map<String, List<Map<String, Object>>> points) {
        return points.values().stream().mapToLong(List::size).sum();
    }
}
