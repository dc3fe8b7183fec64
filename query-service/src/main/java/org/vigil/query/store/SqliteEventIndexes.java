package org.vigil.query.store;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The unique index of the event table on the embedded SQLite store: one event per aggregate and sequence number.
 *
 * <p>Axon declares it as a unique {@code @Index} of {@code domain_event_entry}. Hibernate's SQLite dialect turns a
 * unique index into {@code alter table … add constraint}, which SQLite does not have, and its schema update skips
 * the statement that fails. Without the index every load of a session or device reads the whole table, and nothing
 * in the database stops a second event with the same sequence number. So it is created here, once Hibernate made the
 * tables (the entity manager factory is built first) and before anything is stored; on a store that has it, nothing
 * happens. PostgreSQL gets it from Hibernate.
 */
@Component
class SqliteEventIndexes implements InitializingBean {

    static final String AGGREGATE_SEQUENCE = "domain_event_entry_aggregate_sequence";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteEventIndexes.class);

    private final DataSource dataSource;

    /** @param schema not used: asking for it makes Hibernate create or update the tables first */
    SqliteEventIndexes(DataSource dataSource, EntityManagerFactory schema) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            if (!"SQLite".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                long started = System.nanoTime();
                statement.execute("create unique index if not exists " + AGGREGATE_SEQUENCE
                        + " on domain_event_entry (aggregate_identifier, sequence_number)");
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (millis > 1000) {
                    LOG.info("Event table indexed by aggregate and sequence number in {} ms", millis);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
