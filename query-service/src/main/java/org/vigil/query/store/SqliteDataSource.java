package org.vigil.query.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Prepares the connection pool of the embedded SQLite store, whatever profile or URL configured it:
 * <ul>
 * <li>creates the directory of the database file (by default {@code ./data}): SQLite creates a missing file, not
 *     a missing directory;</li>
 * <li>gives the pool one connection. SQLite writes one transaction at a time; with more connections, a waiting
 *     transaction polls the lock with growing sleeps, while with one, transactions queue in the pool and the next
 *     starts as soon as the last one ends.</li>
 * </ul>
 */
@Component
class SqliteDataSource implements BeanPostProcessor {

    private static final String PREFIX = "jdbc:sqlite:";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            file(pool.getJdbcUrl()).ifPresent(file -> {
                createParent(file);
                pool.setMaximumPoolSize(1);
            });
        }
        return bean;
    }

    /** The database file a {@code jdbc:sqlite:} URL names, if it names one. */
    static Optional<Path> file(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String name = url.substring(PREFIX.length());
        int parameters = name.indexOf('?');
        name = parameters < 0 ? name : name.substring(0, parameters);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (name.isEmpty() || name.equals(":memory:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(name));
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of the event store " + parent, e);
        }
    }
}
