package org.vigil.query.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Copies the embedded store's write-ahead log into its database file on a thread of its own, every
 * {@code vigil.store.checkpoint-interval}, through a connection of its own.
 *
 * <p>SQLite otherwise checkpoints within the commit that makes the log pass a thousand pages: that commit then writes
 * the pages into the database file and syncs both files, while it holds the pool's one connection that every device
 * message is stored through. So the pool's connection runs with automatic checkpoints off
 * ({@link SqliteDataSource}) and this thread checkpoints instead, in SQLite's passive mode, which waits for no writer
 * and no reader and lets the writer go on meanwhile: it copies what no reader still needs, and the next checkpoint
 * the rest. A commit is durable once it is in the log, checkpointed or not (synchronous=NORMAL: survives the process
 * being killed), so nothing about durability changes. A checkpoint that fails is logged and tried again at the next
 * interval; the log then grows until one succeeds.
 */
@Component
class WalCheckpoints implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);

    private final String url;
    private final Duration interval;
    private final Object checkpointing = new Object();
    private ScheduledExecutorService thread;
    private Connection connection;
    private volatile boolean running;

    WalCheckpoints(@Value("${spring.datasource.url:}") String url,
                   @Value("${vigil.store.checkpoint-interval:1s}") Duration interval) {
        this.url = url;
        this.interval = interval;
    }

    /** Whether the pool of {@code url} leaves checkpoints to this class: an SQLite database in a file. */
    static boolean checkpointsApart(String url) {
        return SqliteDataSource.file(url).isPresent();
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!checkpointsApart(url)) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("wal-checkpoint-"));
        thread.scheduleWithFixedDelay(this::checkpoint, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("A checkpoint of the write-ahead log did not end within 10 s of the stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (checkpointing) {
            checkpointOnce();
            close();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the ingest and the processors that write (default phase), before the pool closes. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /** Checkpoints once; returns the log's frames and how many of them are now in the database file. */
    int[] checkpoint() {
        synchronized (checkpointing) {
            return checkpointOnce();
        }
    }

    private int[] checkpointOnce() {
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(url);
            }
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("pragma wal_checkpoint(PASSIVE)")) {
                result.next();
                return new int[] {result.getInt(2), result.getInt(3)};
            }
        } catch (SQLException e) {
            LOG.warn("Checkpoint of the write-ahead log failed, tried again in {}: {}", interval, e.getMessage());
            close();
            return new int[] {-1, -1};
        }
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the checkpoint connection failed", e);
            }
            connection = null;
        }
    }
}
