package org.vigil.query.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What the JSON text of a read model's column parses to, remembered per row: a row whose text has not changed since
 * it was last read or written here is not parsed again. A read model that merges each batch into a JSON column (the
 * latest vitals of a session, the last values of a device) otherwise parses every row it touches on every batch,
 * while it holds the embedded store's one connection.
 *
 * <p>What is remembered is looked up by the exact text as well as the row, so it can never stand in for another
 * text: a write rolled back, a rebuilt read model or a row changed elsewhere only means one parse more. At most
 * {@code capacity} rows are remembered, the least recently used forgotten first. The values must be immutable.
 */
public final class ParsedTexts<T> {

    private final BiFunction<String, String, T> parse;
    private final Map<String, Parsed<T>> byRow;

    /**
     * @param parse turns a row and its text into the text's value; what it throws reaches the caller of
     *              {@link #parsed}
     */
    public ParsedTexts(int capacity, BiFunction<String, String, T> parse) {
        if (capacity < 1) {
            throw new IllegalArgumentException("remembers at least one row, not " + capacity);
        }
        this.parse = parse;
        this.byRow = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Parsed<T>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** What {@code text}, the column of {@code row} as just read, parses to. */
    public synchronized T parsed(String row, String text) {
        Parsed<T> known = byRow.get(row);
        if (known != null && known.text().equals(text)) {
            return known.value();
        }
        T value = parse.apply(row, text);
        byRow.put(row, new Parsed<>(text, value));
        return value;
    }

    /** Remembers that {@code row}'s column is now {@code text}, which parses to {@code value}. */
    public synchronized void wrote(String row, String text, T value) {
        byRow.put(row, new Parsed<>(text, value));
    }

    /** How many rows are remembered. */
    public synchronized int size() {
        return byRow.size();
    }

    private record Parsed<T>(String text, T value) {
    }
}
