package org.vigil.query.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Connections of their own, on the embedded SQLite file, for reads that must not wait for the write lock: with the
 * write-ahead log, a reader sees the last committed state while the one writer goes on. Their transactions begin
 * deferred and only read, so they never take the lock. Present only when the store is an SQLite file; on
 * PostgreSQL every read goes through the application's own pool.
 *
 * <p>What is read here is what was committed when the read began: a check made on it must still be enforced by the
 * writing transaction (a key, a constraint).
 */
@Component
public class SqliteReads implements DisposableBean {

    private final HikariDataSource pool;

    SqliteReads(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        this.pool = SqliteDataSource.file(url).map(SqliteReads::pool).orElse(null);
    }

    private static HikariDataSource pool(java.nio.file.Path file) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sqlite-reads");
        config.setJdbcUrl("jdbc:sqlite:" + file + "?busy_timeout=10000");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        // no connection is opened before the first read: the application's pool creates the file and its schema
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** The read connections, when the store is an SQLite file. */
    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(pool);
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.close();
        }
    }
}
