package org.vigil.query.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a real SQLite file in write-ahead-log mode, as the embedded store runs. */
class WalCheckpointsTest {

    @TempDir
    Path data;

    @Test
    void thePoolOfTheEmbeddedStoreLeavesCheckpointsToTheirThread() throws SQLException {
        // given
        String url = url();

        // when
        try (HikariDataSource pool = pool(url);
             Connection connection = pool.getConnection()) {

            // then
            assertThat(value(connection, "pragma wal_autocheckpoint")).isZero();
            assertThat(pool.getMaximumPoolSize()).isEqualTo(1);
        }
        assertThat(WalCheckpoints.checkpointsApart(url)).isTrue();
        assertThat(WalCheckpoints.checkpointsApart("jdbc:postgresql://127.0.0.1:5432/vigil")).isFalse();
        assertThat(WalCheckpoints.checkpointsApart("jdbc:sqlite::memory:")).isFalse();
    }

    @Test
    void commitsLeaveTheLogToTheCheckpointsWhichCopyItIntoTheDatabaseWhileTheWriterGoesOn() throws Exception {
        // given: a pool as Vigil's, and a log of more than a thousand pages, where SQLite would have checkpointed
        String url = url();
        WalCheckpoints checkpoints = new WalCheckpoints(url, Duration.ofSeconds(1));
        try (HikariDataSource pool = pool(url);
             Connection writer = pool.getConnection()) {
            write(writer, 3_000);
            long databaseBefore = Files.size(database());
            assertThat(value(writer, "select count(*) from entry")).isEqualTo(3_000);

            // when
            int[] first = checkpoints.checkpoint();
            write(writer, 10);
            int[] second = checkpoints.checkpoint();

            // then: the pages went into the database file, and the writer's next commits came after them
            assertThat(first[0]).as("frames in the log before the first checkpoint").isGreaterThan(1_000);
            assertThat(first[1]).as("frames checkpointed").isEqualTo(first[0]);
            assertThat(Files.size(database())).isGreaterThan(databaseBefore + 1_000L * 4096 / 2);
            assertThat(second[1]).isEqualTo(second[0]);
            assertThat(value(writer, "select count(*) from entry")).isEqualTo(3_010);
        } finally {
            checkpoints.stop();
        }
    }

    @Test
    void runningItCheckpointsEveryIntervalAndOnceMoreWhenItStops() throws Exception {
        // given
        String url = url();
        WalCheckpoints checkpoints = new WalCheckpoints(url, Duration.ofMillis(100));
        try (HikariDataSource pool = pool(url);
             Connection writer = pool.getConnection()) {
            checkpoints.start();
            write(writer, 2_000);

            // then
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                int[] latest = checkpoints.checkpoint();
                assertThat(latest[0]).isEqualTo(latest[1]);
                assertThat(Files.size(database())).isGreaterThan(1_000L * 4096 / 2);
            });

            // when
            write(writer, 500);
            checkpoints.stop();

            // then
            assertThat(checkpoints.isRunning()).isFalse();
            assertThat(value(writer, "select count(*) from entry")).isEqualTo(2_500);
        }
    }

    private String url() {
        return "jdbc:sqlite:" + database() + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000"
                + "&transaction_mode=IMMEDIATE";
    }

    private Path database() {
        return data.resolve("vigil.db");
    }

    /** The pool as Spring Boot makes it, prepared by {@link SqliteDataSource}. */
    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        new SqliteDataSource().postProcessBeforeInitialization(pool, "dataSource");
        return pool;
    }

    /** Rows of about 2 KB, one commit each, as device messages are stored. */
    private static void write(Connection connection, int rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists entry (id integer primary key, body blob)");
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into entry (body) values (?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setBytes(1, new byte[2048]);
                insert.executeUpdate();
            }
        }
    }

    private static long value(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
