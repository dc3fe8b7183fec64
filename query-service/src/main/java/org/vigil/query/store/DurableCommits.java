package org.vigil.query.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start Vigil on a store whose commits could be lost once they returned (docs/DESIGN.md, principle 3: no
 * acknowledgement before the record is stored). Checked on a connection of the application's own pool, so it sees
 * what every commit of Vigil will see:
 * <ul>
 * <li>SQLite: {@code synchronous} must not be {@code OFF}. At every setting SQLite hands a commit to the operating
 *     system before it returns, so it survives Vigil being killed; {@code OFF} would let a power loss corrupt the
 *     file. {@code NORMAL} (with the write-ahead log) may lose the last commits on power loss, {@code FULL} not.</li>
 * <li>PostgreSQL: {@code synchronous_commit} must not be {@code off}, which returns before the commit's write-ahead
 *     log is flushed. With {@code fsync} off the server itself may lose or corrupt data when the machine stops: a
 *     warning is logged.</li>
 * <li>H2: {@code WRITE_DELAY} must be 0; otherwise H2 writes commits to its file up to half a second later.</li>
 * </ul>
 * Any other database is refused: Vigil knows how to check only these. {@code vigil.store.check-durability=false}
 * turns the check off; it exists only so that the store benchmark can measure a store as Vigil ran it before.
 */
@Component
class DurableCommits implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);

    private final DataSource dataSource;
    private final boolean enabled;

    DurableCommits(DataSource dataSource, @Value("${vigil.store.check-durability:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        if (!enabled) {
            LOG.warn("The durability of commits is not checked (vigil.store.check-durability=false): acknowledged "
                    + "messages may be lost");
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String verdict = switch (product) {
                case "SQLite" -> sqlite(connection);
                case "PostgreSQL" -> postgres(connection);
                case "H2" -> h2(connection);
                default -> throw refuse(product + " is not a store Vigil can check: use SQLite (the embedded "
                        + "default) or PostgreSQL");
            };
            LOG.info("Commits are durable before they return: {}, {}", product, verdict);
        }
    }

    private static String sqlite(Connection connection) throws SQLException {
        String journal = value(connection, "pragma journal_mode");
        int synchronous = Integer.parseInt(value(connection, "pragma synchronous"));
        if (synchronous == 0) {
            throw refuse("SQLite runs with synchronous=OFF: a power loss could corrupt the record. Use NORMAL or "
                    + "FULL in spring.datasource.url");
        }
        return "journal_mode=" + journal + ", synchronous=" + (synchronous == 1 ? "NORMAL" : "FULL");
    }

    private static String postgres(Connection connection) throws SQLException {
        String synchronousCommit = value(connection, "show synchronous_commit");
        if (synchronousCommit.equals("off")) {
            throw refuse("PostgreSQL runs Vigil's connections with synchronous_commit=off: a commit would return "
                    + "before it is flushed. Set it on (spring.datasource.hikari.connection-init-sql)");
        }
        String fsync = value(connection, "show fsync");
        if (fsync.equals("off")) {
            LOG.warn("PostgreSQL runs with fsync=off: a power loss or crash of its machine may lose or corrupt the "
                    + "record. Turn fsync on in postgresql.conf.");
        }
        return "synchronous_commit=" + synchronousCommit + ", fsync=" + fsync;
    }

    private static String h2(Connection connection) throws SQLException {
        String writeDelay = value(connection,
                "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'");
        if (!writeDelay.equals("0")) {
            throw refuse("H2 runs with WRITE_DELAY=" + writeDelay + ": commits reach its file up to that many "
                    + "milliseconds after they returned. Add ;WRITE_DELAY=0 to spring.datasource.url");
        }
        return "WRITE_DELAY=0";
    }

    private static String value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            if (!result.next()) {
                throw new IllegalStateException("no answer to " + sql);
            }
            return result.getString(1);
        }
    }

    private static IllegalStateException refuse(String reason) {
        return new IllegalStateException("Vigil does not start on a store that may lose acknowledged messages. "
                + reason + ".");
    }
}
