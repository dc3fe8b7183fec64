package org.vigil.query.record;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.vigil.query.live.StationCondition;
import org.vigil.query.live.StationConditions;

/**
 * Verifies the record on a schedule of its own thread, never the application's scheduler (which ticks the alarms):
 * every {@code vigil.record.verify.interval} (1 minute unless set) the events stored since the last verification,
 * and every {@code vigil.record.verify.full-interval} (24 hours unless set), and once after start-up, the whole
 * record. When a verification finds an altered, inserted or deleted event, the station shows the technical condition
 * "record altered" ({@value #CONDITION}) and the gauge {@code vigil.record.findings} counts the findings; both stay
 * until a verification of the whole record finds nothing.
 *
 * <p>On the embedded SQLite store it reads on a connection of its own, outside the application's one-connection
 * pool, in a transaction that only reads: with the write-ahead log a reader does not hold up the commits of device
 * messages.
 */
@Component
public class RecordVerification implements DisposableBean {

    static final String CONDITION = "record-altered";

    private static final Logger LOG = LoggerFactory.getLogger(RecordVerification.class);

    private final DataSource dataSource;
    private final Optional<String> sqliteUrl;
    private final StationConditions conditions;
    private final Clock clock;
    private final RecordVerifier verifier;
    private final Duration interval;
    private final Duration fullInterval;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread verifying = new Thread(runnable, "record-verification");
        verifying.setDaemon(true);
        return verifying;
    });
    private Checkpoint checkpoint;
    private Checkpoint lastFull;
    private volatile int findings;

    RecordVerification(DataSource dataSource, Environment environment, StationConditions conditions, Clock clock,
                       MeterRegistry meters,
                       @Value("${vigil.record.verify.interval:1m}") Duration interval,
                       @Value("${vigil.record.verify.full-interval:24h}") Duration fullInterval) {
        this.dataSource = dataSource;
        this.sqliteUrl = readingUrl(environment.getProperty("spring.datasource.url", ""));
        this.conditions = conditions;
        this.clock = clock;
        this.verifier = new RecordVerifier(clock);
        this.interval = interval;
        this.fullInterval = fullInterval;
        Gauge.builder("vigil.record.findings", this, verification -> verification.findings)
                .description("Altered, inserted or deleted events the last verification of the record found")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        thread.scheduleWithFixedDelay(this::scheduled, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Verifies the whole record now, and shows the result as a scheduled verification would. */
    public synchronized Verification verifyAll() throws SQLException {
        try (Connection connection = connection()) {
            Verification verification = verifier.full(connection, checkpoint);
            lastFull = verification.checkpoint();
            return reached(verification);
        }
    }

    private synchronized Verification verifyNew() throws SQLException {
        try (Connection connection = connection()) {
            return reached(verifier.after(connection, checkpoint));
        }
    }

    private synchronized void scheduled() {
        try {
            boolean fullDue = lastFull == null
                    || !lastFull.verifiedAt().plus(fullInterval).isAfter(clock.instant());
            Verification verification = fullDue ? verifyAll() : verifyNew();
            if (fullDue) {
                LOG.info("Record verified up to global index {}: {} events, {} altered, inserted or deleted",
                        verification.checkpoint().upTo(), verification.checkpoint().eventsUpTo(),
                        verification.findingsTotal());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("The record could not be verified: {}", e.toString());
        }
    }

    private Verification reached(Verification verification) {
        checkpoint = verification.checkpoint();
        if (!verification.intact()) {
            findings = verification.findingsTotal();
            Finding first = verification.first();
            boolean began = conditions.raise(new StationCondition(CONDITION, "MEDIUM", "Record altered",
                    "Verification of the record found " + verification.findingsTotal() + " altered, inserted or "
                            + "deleted events; the first: " + describe(first) + ". Tell the engineer; monitoring "
                            + "goes on.", clock.instant(), true));
            if (began || verification.full()) {
                LOG.error("Record altered: {} findings, the first: {}", verification.findingsTotal(),
                        describe(first));
            }
        } else if (verification.full()) {
            findings = 0;
            if (conditions.clear(CONDITION)) {
                LOG.warn("Record verified intact again");
            }
        }
        return verification;
    }

    static String describe(Finding finding) {
        return finding.kind().toLowerCase() + " event" + (finding.aggregate() == null ? ""
                : " of " + finding.aggregate() + ", sequence number " + finding.sequence())
                + (finding.globalIndex() == null ? "" : ", global index " + finding.globalIndex())
                + ": " + finding.detail();
    }

    /**
     * The embedded store's file without the pool's parameters: its transactions begin deferred (the pool's take the
     * write lock when they begin), so a verification only reads.
     */
    private static Optional<String> readingUrl(String url) {
        if (!url.startsWith("jdbc:sqlite:")) {
            return Optional.empty();
        }
        int parameters = url.indexOf('?');
        return Optional.of((parameters < 0 ? url : url.substring(0, parameters)) + "?busy_timeout=10000");
    }

    private Connection connection() throws SQLException {
        if (sqliteUrl.isPresent()) {
            return DriverManager.getConnection(sqliteUrl.get());
        }
        return dataSource.getConnection();
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
