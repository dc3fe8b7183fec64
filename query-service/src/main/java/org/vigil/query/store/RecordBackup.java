package org.vigil.query.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Backs up the embedded SQLite store while Vigil runs: SQLite's {@code VACUUM INTO} writes a consistent copy of the
 * whole database, as of one moment, into a new file of {@code vigil.backup-dir} (by default {@code ./backups}). It
 * reads on a connection of its own, outside the application's pool; with the write-ahead log a reader does not hold
 * up the commits, so devices go on being recorded and acknowledged meanwhile. The copy is a complete SQLite store:
 * to restore it, stop Vigil and put it in place of {@code vigil.db} (README, "Backup and restore").
 */
@Component
class RecordBackup {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Environment environment;
    private final Path directory;
    private final Clock clock;

    RecordBackup(Environment environment, @Value("${vigil.backup-dir:./backups}") Path directory, Clock clock) {
        this.environment = environment;
        this.directory = directory;
        this.clock = clock;
    }

    /** The store's file, when it is the embedded SQLite store; PostgreSQL is backed up with its own tools. */
    Optional<Path> store() {
        return SqliteDataSource.file(environment.getProperty("spring.datasource.url"));
    }

    /** Writes a backup of the embedded store and answers it; fails if the store is not the embedded one. */
    Backup write() {
        Path store = store().orElseThrow(() -> new IllegalStateException("not an embedded SQLite store"));
        Path target = directory.resolve("vigil-" + NAME.format(clock.instant()) + ".db").toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                throw new IllegalStateException("a backup " + target + " already exists; try again in a second");
            }
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store.toAbsolutePath()
                    + "?busy_timeout=10000");
                 Statement statement = connection.createStatement()) {
                statement.execute("vacuum into '" + target.toString().replace("'", "''") + "'");
            }
            return new Backup(target, Files.size(target), events(target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + target, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the backup " + target, e);
        }
    }

    private static long events(Path backup) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + backup + "?open_mode=1");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** A backup written: its file, its size and how many events it holds. */
    record Backup(Path file, long bytes, long events) {
    }
}
