package org.vigil.query.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Brings a clinic's record over from the H2 file Vigil stored in before ({@code vigil.mv.db}) into the SQLite
 * store beside it, the first time Vigil starts on an empty SQLite store: every stored event and snapshot, as they
 * were stored (JSON text, which the store's serializer reads), with their global indexes, aggregates and sequence
 * numbers. Everything else is derived from the events and rebuilt: the tracking processors start from the first
 * event, the chair occupancy is filled from the session starts and ends.
 *
 * <p>One transaction: an interrupted import leaves the SQLite store empty and is done again at the next start. The
 * H2 file is then renamed {@code vigil.mv.db.imported} and kept; nothing is deleted.
 */
@Component
class H2StoreImport implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(H2StoreImport.class);
    private static final String H2_FILE = "vigil.mv.db";
    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final Environment environment;
    private final String username;
    private final String password;

    H2StoreImport(DataSource dataSource, Environment environment,
                  @Value("${vigil.store.h2-import.username:vigil}") String username,
                  @Value("${vigil.store.h2-import.password:}") String password) {
        this.dataSource = dataSource;
        this.environment = environment;
        this.username = username;
        this.password = password;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Optional<Path> sqlite = SqliteDataSource.file(environment.getProperty("spring.datasource.url"));
        if (sqlite.isEmpty()) {
            return;
        }
        Path h2 = sqlite.get().toAbsolutePath().resolveSibling(H2_FILE);
        if (!Files.exists(h2)) {
            return;
        }
        try {
            importFrom(h2);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bring the record over from the H2 store " + h2
                    + " (nothing was changed; it is tried again at the next start)", e);
        }
    }

    private void importFrom(Path h2) throws SQLException {
        String base = h2.toString().substring(0, h2.toString().length() - ".mv.db".length());
        long events;
        long snapshots;
        try (Connection target = dataSource.getConnection()) {
            if (count(target, "domain_event_entry") > 0) {
                LOG.warn("Both an H2 store ({}) and a SQLite store with events are in the data directory; Vigil "
                        + "uses the SQLite store and leaves the H2 file as it is", h2);
                return;
            }
            LOG.info("Bringing the record over from the H2 store {}", h2);
            try (Connection source = DriverManager.getConnection("jdbc:h2:file:" + base + ";ACCESS_MODE_DATA=r",
                    username, password)) {
                boolean autoCommit = target.getAutoCommit();
                target.setAutoCommit(false);
                try {
                    events = copy(source, target, "domain_event_entry", "global_index");
                    snapshots = copy(source, target, "snapshot_event_entry",
                            "aggregate_identifier, sequence_number");
                    target.commit();
                } catch (SQLException | RuntimeException e) {
                    target.rollback();
                    throw e;
                } finally {
                    target.setAutoCommit(autoCommit);
                }
            }
        }
        Path kept = h2.resolveSibling(H2_FILE + ".imported");
        try {
            Files.move(h2, kept);
        } catch (IOException e) {
            throw new UncheckedIOException("imported the H2 store but cannot rename it to " + kept, e);
        }
        LOG.info("Brought {} events and {} snapshots over from the H2 store; its file is kept as {}", events,
                snapshots, kept);
    }

    /** Copies the rows of {@code table}, in {@code order}, in the columns both stores have. */
    private static long copy(Connection source, Connection target, String table, String order)
            throws SQLException {
        List<String> columns = new ArrayList<>(columns(target, table));
        columns.retainAll(columns(source, table));
        String insert = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
        long rows = 0;
        try (Statement select = source.createStatement();
             ResultSet result = select.executeQuery("select " + String.join(", ", columns) + " from " + table
                     + " order by " + order);
             PreparedStatement insertRow = target.prepareStatement(insert)) {
            while (result.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    insertRow.setObject(i, value(result.getObject(i)));
                }
                insertRow.addBatch();
                if (++rows % BATCH == 0) {
                    insertRow.executeBatch();
                }
            }
            insertRow.executeBatch();
        }
        return rows;
    }

    private static Object value(Object stored) throws SQLException {
        if (stored instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        return stored;
    }

    /** The table's column names, lower case, in the table's order; none if it does not exist. */
    private static Set<String> columns(Connection connection, String table) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select * from " + table + " where 1 = 0")) {
            ResultSetMetaData meta = result.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
        } catch (SQLException noSuchTable) {
            return Set.of();
        }
        return columns;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
