package org.vigil.query.leadership;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The lease: a session-level PostgreSQL advisory lock ({@code pg_try_advisory_lock}) taken on a connection of its
 * own, outside the application's pool, and held for as long as that connection lives. PostgreSQL releases it when
 * the session ends — the leader stopped, was killed, or its connection broke — and never otherwise; the server
 * probes an idle lease connection with TCP keepalives, so a leader that vanished from the network loses the lock
 * within about 15 s.
 */
final class AdvisoryLease implements AutoCloseable {

    private static final int CHECK_TIMEOUT_SECONDS = 2;

    private final String url;
    private final Properties credentials;
    private final long key;
    private Connection connection;

    /** {@code partition} (or null) names the lease session in {@code pg_stat_activity}: who holds which lock. */
    AdvisoryLease(String url, String username, String password, long key, String partition) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("vigil.leadership.enabled needs the event store on PostgreSQL "
                    + "(profile postgres); the datasource is " + url);
        }
        this.url = url;
        this.credentials = new Properties();
        credentials.setProperty("user", username == null ? "" : username);
        credentials.setProperty("password", password == null ? "" : password);
        credentials.setProperty("ApplicationName",
                partition == null ? "vigil-leadership" : "vigil-leadership " + partition);
        credentials.setProperty("tcpKeepAlive", "true");
        credentials.setProperty("connectTimeout", "5");
        credentials.setProperty("socketTimeout", "10");
        this.key = key;
    }

    /** Takes the lock if no other session holds it; a connection that cannot be opened is no lock. */
    boolean tryAcquire() throws SQLException {
        if (connection == null) {
            connection = open();
        }
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    /** Whether the connection that holds the lock still answers: while it lives, the lock is this node's. */
    boolean stillHeld() {
        try {
            return connection != null && connection.isValid(CHECK_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Ends the session, which releases the lock. */
    @Override
    public void close() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                // the session is gone either way, and with it the lock
            }
        }
    }

    private Connection open() throws SQLException {
        Connection opened = DriverManager.getConnection(url, credentials);
        try (Statement statement = opened.createStatement()) {
            statement.execute("set tcp_keepalives_idle = 5");
            statement.execute("set tcp_keepalives_interval = 2");
            statement.execute("set tcp_keepalives_count = 3");
        } catch (SQLException e) {
            opened.close();
            throw e;
        }
        return opened;
    }
}
