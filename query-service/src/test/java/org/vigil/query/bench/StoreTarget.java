package org.vigil.query.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * One store the {@link StoreBenchmark} measures: an embedded database file in a directory of its own, started with
 * the application's own settings or with a URL and mapping of its own.
 *
 * @param name    what the report calls it
 * @param url     the datasource URL for the directory, or {@code null} for the application's configured one
 * @param options further command-line properties
 */
record StoreTarget(String name, DirectoryUrl url, List<String> options) {

    /** A datasource URL for a database in {@code directory}. */
    interface DirectoryUrl {
        String in(Path directory);
    }

    static StoreTarget of(String key) {
        return switch (key) {
            case "sqlite" -> new StoreTarget("SQLite, synchronous=NORMAL (as configured)", null, List.of());
            case "sqlite-unhashed" -> new StoreTarget("SQLite, synchronous=NORMAL, events without hashes", null,
                    List.of("--vigil.store.hash-events=false"));
            case "sqlite-full" -> new StoreTarget("SQLite, synchronous=FULL", directory -> "jdbc:sqlite:"
                    + directory.resolve("vigil.db") + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000"
                    + "&transaction_mode=IMMEDIATE", List.of());
            case "h2" -> new StoreTarget("H2, WRITE_DELAY=500 (the embedded store before)", directory -> "jdbc:h2:file:"
                    + directory.resolve("vigil") + ";DB_CLOSE_ON_EXIT=FALSE", h2());
            case "h2-durable" -> new StoreTarget("H2, WRITE_DELAY=0", directory -> "jdbc:h2:file:"
                    + directory.resolve("vigil") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", h2());
            default -> throw new IllegalArgumentException("unknown embedded store " + key);
        };
    }

    /** H2 as Vigil ran it before: Axon's own mapping (payloads as BLOBs), Hikari's default pool. */
    private static List<String> h2() {
        return List.of("--spring.jpa.mapping-resources=", "--spring.datasource.hikari.maximum-pool-size=10",
                "--spring.datasource.username=vigil", "--vigil.store.check-durability=false");
    }
}
