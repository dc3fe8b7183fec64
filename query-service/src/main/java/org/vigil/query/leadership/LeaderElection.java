package org.vigil.query.leadership;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.vigil.query.settings.NodePartition;

/**
 * Takes and keeps the lease when {@code vigil.leadership.enabled}: a standby asks PostgreSQL for the advisory lock
 * every {@code vigil.leadership.poll-interval} (1 s); once it holds it, it starts the {@link LeaderDuty} components
 * — chair occupancy and live view reloaded from the store, the device connections, the MLLP listener — and only
 * then calls itself leader, which lets the clock-driven decisions run. The leader checks its lock connection at the
 * same interval. A leader whose connection is lost cannot know whether another node took the lock meanwhile: it
 * stops every duty at once, so that it never runs as a second active node, and ends the process (exit code 70) to
 * be started again as a standby by its service manager. With {@code vigil.node.partition} set, the lock is that
 * partition's ({@link NodePartition#lockKey(long)}): each partition has its own active node and standby.
 */
@Component
class LeaderElection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);
    private static final int EXIT_LEASE_LOST = 70;

    private final Leadership leadership;
    private final ObjectProvider<LeaderDuty> duties;
    private final ConfigurableApplicationContext context;
    private final Clock clock;
    private final Duration interval;
    private final String url;
    private final String username;
    private final String password;
    private final long key;
    private final String partition;
    private AdvisoryLease lease;
    private ScheduledExecutorService poller;
    private volatile boolean stopping;

    LeaderElection(Leadership leadership, ObjectProvider<LeaderDuty> duties, ConfigurableApplicationContext context,
                   Clock clock, @Value("${vigil.leadership.poll-interval:1s}") Duration interval,
                   @Value("${spring.datasource.url:}") String url,
                   @Value("${spring.datasource.username:}") String username,
                   @Value("${spring.datasource.password:}") String password,
                   @Value("${vigil.leadership.lock-key:7600}") long key, NodePartition partition) {
        this.leadership = leadership;
        this.duties = duties;
        this.context = context;
        this.clock = clock;
        this.interval = interval;
        this.url = url;
        this.username = username;
        this.password = password;
        this.key = partition.lockKey(key);
        this.partition = partition.name().orElse(null);
    }

    /** Tries once at once, so that the first node of a pair leads when its start returns, then polls. */
    @Override
    public void start() {
        lease = new AdvisoryLease(url, username, password, key, partition);
        log.info("Leadership: standing by for the advisory lock {}{} in {}", key,
                partition == null ? "" : " of partition " + partition, url);
        poller = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("leadership-"));
        poll();
        poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean isAutoStartup() {
        return leadership.isElected();
    }

    private synchronized void poll() {
        if (stopping) {
            return;
        }
        if (leadership.role() == Leadership.Role.LEADER) {
            if (!lease.stillHeld()) {
                lost();
            }
            return;
        }
        try {
            if (lease.tryAcquire()) {
                lead();
            }
        } catch (SQLException e) {
            log.warn("Leadership: cannot ask PostgreSQL for the lock now: {}", e.getMessage());
        }
    }

    private void lead() {
        Instant took = clock.instant();
        log.info("Leadership: lock taken; starting ingest");
        try {
            ordered().forEach(SmartLifecycle::start);
        } catch (RuntimeException e) {
            log.error("Leadership: the duties of the active node did not start; giving the lock up", e);
            stopDuties();
            lease.close();
            return;
        }
        leadership.become(Leadership.Role.LEADER, took);
        log.info("Leadership: this node is the active one, {} ms after it took the lock",
                Duration.between(took, clock.instant()).toMillis());
    }

    private void lost() {
        log.error("Leadership: the lock connection is lost; stopping ingest, this node must not run as a second "
                + "active one");
        leadership.become(Leadership.Role.LOST, clock.instant());
        stopDuties();
        lease.close();
        stopping = true;
        Thread exit = new Thread(() -> System.exit(SpringApplication.exit(context, () -> EXIT_LEASE_LOST)),
                "leadership-exit");
        exit.start();
    }

    private List<LeaderDuty> ordered() {
        return duties.orderedStream().sorted(Comparator.comparingInt(LeaderDuty::getPhase)).toList();
    }

    private void stopDuties() {
        List<LeaderDuty> running = ordered();
        for (int i = running.size() - 1; i >= 0; i--) {
            LeaderDuty duty = running.get(i);
            try {
                if (duty.isRunning()) {
                    duty.stop();
                }
            } catch (RuntimeException e) {
                log.warn("Leadership: {} did not stop cleanly", duty.getClass().getSimpleName(), e);
            }
        }
    }

    /** Stops the duties, then releases the lock, so the other node takes over only once this one ingests no more. */
    @Override
    public void stop() {
        stopping = true;
        poller.shutdownNow();
        synchronized (this) {
            if (leadership.role() == Leadership.Role.LEADER) {
                stopDuties();
                leadership.become(Leadership.Role.STANDBY, clock.instant());
            }
            lease.close();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null && !poller.isShutdown();
    }

    /** With the MLLP listener: after the persisted read models' processors run. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
