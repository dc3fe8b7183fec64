package org.vigil.query.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.query.RunningVigil;

/**
 * On a PostgreSQL server whose default is {@code synchronous_commit=off} (the embedded test server's is), Vigil's
 * own connections commit with it on; and Vigil refuses to start if they would not. (The embedded server also runs
 * with {@code fsync} off, as test servers do: Vigil starts on it with a warning, since only a power loss or a crash of
 * the machine would lose what it acknowledged.)
 */
class PostgresDurabilityIT {

    @TempDir
    Path data;

    @Test
    void vigilsConnectionsCommitSynchronouslyOnAServerWhoseDefaultIsOff() throws SQLException {
        try (PostgresServer postgres = PostgresServer.start(data);
             VigilOnPostgres vigil = VigilOnPostgres.start(postgres)) {
            assertThat(postgres.value("show synchronous_commit")).isEqualTo("off");
            vigil.startSession("chair-1", 120, 80);

            try (Connection connection = vigil.dataSource().getConnection()) {
                assertThat(value(connection, "show synchronous_commit")).isEqualTo("on");
            }
        }
    }

    @Test
    void vigilDoesNotStartWhenItsConnectionsWouldCommitAsynchronously() {
        try (PostgresServer postgres = PostgresServer.start(data)) {
            List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres"));
            arguments.addAll(RunningVigil.freePorts());
            arguments.addAll(RunningVigil.demoUsers());
            arguments.addAll(postgres.datasourceProperties());
            arguments.add("--spring.datasource.hikari.connection-init-sql=SET synchronous_commit TO off");

            assertThatThrownBy(() -> RunningVigil.launch(arguments, builder -> { }).close())
                    .hasRootCauseMessage("Vigil does not start on a store that may lose acknowledged messages. "
                            + "PostgreSQL runs Vigil's connections with synchronous_commit=off: a commit would "
                            + "return before it is flushed. Set it on (spring.datasource.hikari.connection-init-sql).");
        }
    }

    private static String value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
