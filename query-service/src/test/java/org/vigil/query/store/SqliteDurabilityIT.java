package org.vigil.query.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.query.RunningVigil;

/**
 * The embedded store commits through SQLite's write-ahead log, written to the file at every commit, on one
 * connection; Vigil refuses a setting that could lose or corrupt the record.
 */
class SqliteDurabilityIT {

    @TempDir
    Path data;

    @Test
    void theEmbeddedStoreIsASqliteFileWithAWriteAheadLogWrittenAtEveryCommit() throws SQLException {
        try (RunningVigil vigil = RunningVigil.start(data)) {
            vigil.startSession("chair-1", 120, 80);
            DataSource dataSource = vigil.context().getBean(DataSource.class);
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("SQLite");
                assertThat(value(connection, "pragma journal_mode")).isEqualTo("wal");
                assertThat(value(connection, "pragma synchronous")).isEqualTo("1");
                assertThat(value(connection, "select count(*) from domain_event_entry")).isEqualTo("1");
            }
            assertThat(data.resolve("vigil.db")).exists();
            assertThat(data.resolve("vigil.db-wal")).exists();
            assertThat(((com.zaxxer.hikari.HikariDataSource) dataSource).getMaximumPoolSize()).isEqualTo(1);
        }
    }

    @Test
    void aSessionsEventsAreFoundByTheirIndexAndNoTwoShareASequenceNumber() throws SQLException {
        try (RunningVigil vigil = RunningVigil.start(data)) {
            vigil.startSession("chair-1", 120, 80);
            try (Connection connection = vigil.context().getBean(DataSource.class).getConnection()) {
                // a session's stream is read through the index, not by reading the whole table
                assertThat(value(connection, "explain query plan select * from domain_event_entry "
                        + "where aggregate_identifier = 'x' and sequence_number >= 0 order by sequence_number", 4))
                        .contains("USING INDEX " + SqliteEventIndexes.AGGREGATE_SEQUENCE);

                // and the database itself refuses a second event with a stored sequence number
                assertThatThrownBy(() -> execute(connection, "insert into domain_event_entry (event_identifier, "
                        + "payload, payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                        + "select 'copy', payload, payload_type, time_stamp, aggregate_identifier, sequence_number, "
                        + "type from domain_event_entry limit 1"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("UNIQUE constraint failed");
            }
        }
    }

    @Test
    void vigilDoesNotStartOnSqliteWithoutSynchronousWrites() {
        List<String> unsafe = List.of("--spring.datasource.url=jdbc:sqlite:" + data.resolve("vigil.db")
                + "?journal_mode=WAL&synchronous=OFF&transaction_mode=IMMEDIATE");

        assertThatThrownBy(() -> RunningVigil.startWith(data, unsafe).close())
                .hasRootCauseMessage("Vigil does not start on a store that may lose acknowledged messages. SQLite "
                        + "runs with synchronous=OFF: a power loss could corrupt the record. Use NORMAL or FULL in "
                        + "spring.datasource.url.");
    }

    private static String value(Connection connection, String sql) throws SQLException {
        return value(connection, sql, 1);
    }

    private static String value(Connection connection, String sql, int column) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(column);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
