package org.vigil.query.chairs;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.session.ChairOccupancy;
import org.vigil.query.leadership.LeaderDuty;
import org.vigil.query.leadership.Leadership;
import org.vigil.query.live.LiveStream;
import org.vigil.query.settings.DeviceBindings;
import org.vigil.query.settings.NodePartition;
import org.vigil.query.store.EventSerializers;

/**
 * Snapshots of the live view, one per running session in the {@code live_view_snapshot} table, so that start-up
 * folds only the events a session stored after its snapshot ({@link LiveViewStart}), not its whole stream.
 *
 * <p>A snapshot is never taken from the live view itself, which changes in the publishing threads: it is folded
 * from the store, on a thread of its own — the session's previous snapshot and the events stored after it, folded
 * into views of its own — so it is exactly what folding the stream up to its sequence number gives. That happens
 * every {@code vigil.live-view.snapshot-interval} (5 minutes by default) and when the application stops; after a
 * crash, start-up folds at most that much of each running session. A snapshot is an optimisation, never the record:
 * one that cannot be read is ignored and the session folded from its first event. Only the active node takes them
 * ({@link LeaderDuty}).
 */
@Component
public class LiveViewSnapshots implements LeaderDuty {

    private static final Logger log = LoggerFactory.getLogger(LiveViewSnapshots.class);

    /** The shape of the stored state: compressed JSON of {@link LiveChair}. */
    private static final int FORMAT = 1;

    private final ChairOccupancy occupancy;
    private final EventStore eventStore;
    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final DeviceBindings bindings;
    private final NodePartition partition;
    private final ClinicProtocol protocol;
    private final Clock clock;
    private final Duration interval;
    private final Leadership leadership;
    private final ObjectMapper json = EventSerializers.json();
    private ScheduledExecutorService worker;

    /** A session's chair as folded up to its event {@code sequenceNumber}. */
    record Snapshot(long sequenceNumber, LiveChair chair) {
    }

    LiveViewSnapshots(ChairOccupancy occupancy, EventStore eventStore, EntityManager entityManager,
                      PlatformTransactionManager transactions, DeviceBindings bindings, ClinicProtocol protocol,
                      Clock clock, @Value("${vigil.live-view.snapshot-interval:5m}") Duration interval,
                      Leadership leadership, NodePartition partition) {
        this.leadership = leadership;
        this.partition = partition;
        this.occupancy = occupancy;
        this.eventStore = eventStore;
        this.entityManager = entityManager;
        this.transactions = new TransactionTemplate(transactions);
        this.bindings = bindings;
        this.protocol = protocol;
        this.clock = clock;
        this.interval = interval;
    }

    /** The latest readable snapshot of a session's chair, if one was taken. */
    Optional<Snapshot> latest(SessionId session) {
        LiveViewSnapshotRow row = transactions.execute(status ->
                entityManager.find(LiveViewSnapshotRow.class, session.value()));
        if (row == null || row.format() != FORMAT) {
            return Optional.empty();
        }
        try {
            LiveChair chair = read(row.state());
            if (!chair.session().sessionId().equals(session)) {
                return Optional.empty();
            }
            return Optional.of(new Snapshot(row.sequenceNumber(), chair));
        } catch (IOException | RuntimeException e) {
            log.warn("The live view snapshot of session {} cannot be read; its stream is folded instead", session, e);
            return Optional.empty();
        }
    }

    /**
     * Brings the snapshot of every running session up to its last stored event, and drops the snapshots of
     * sessions that no longer run at this node's chairs (another partition's are its nodes' to keep).
     *
     * @return how many snapshots were written
     */
    public synchronized int takeAll() {
        Map<ChairId, SessionId> running = occupancy.running();
        int written = 0;
        for (Map.Entry<ChairId, SessionId> chair : running.entrySet()) {
            if (take(chair.getKey(), chair.getValue())) {
                written++;
            }
        }
        dropAllBut(Set.copyOf(running.values()));
        return written;
    }

    private boolean take(ChairId chair, SessionId session) {
        Optional<Snapshot> previous = latest(session);
        long after = previous.map(Snapshot::sequenceNumber).orElse(-1L);
        Optional<Snapshot> next = foldAfter(chair, session, previous);
        if (next.isEmpty() || next.get().sequenceNumber() == after) {
            return false;
        }
        byte[] bytes = write(next.get().chair());
        transactions.executeWithoutResult(status -> {
            LiveViewSnapshotRow row = entityManager.find(LiveViewSnapshotRow.class, session.value());
            boolean first = row == null;
            if (first) {
                row = new LiveViewSnapshotRow(session.value(), chair.value());
            }
            row.update(next.get().sequenceNumber(), FORMAT, clock.instant(), bytes);
            if (first) {
                entityManager.persist(row);
            }
        });
        return true;
    }

    /**
     * The session's chair folded from its latest snapshot and the events it stored after it, in views of this
     * snapshot's own; empty when the session does not run at the chair.
     */
    Optional<Snapshot> foldFromSnapshot(ChairId chair, SessionId session) {
        return foldAfter(chair, session, latest(session));
    }

    private Optional<Snapshot> foldAfter(ChairId chair, SessionId session, Optional<Snapshot> previous) {
        LiveViewFold fold = new LiveViewFold(eventStore, new ChairsProjection(bindings, new LiveStream(), protocol,
                clock), new ChairTrends(clock));
        previous.ifPresent(snapshot -> fold.restore(snapshot.chair()));
        LiveViewFold.Folded folded = fold.fold(session, previous.map(Snapshot::sequenceNumber).orElse(-1L));
        return fold.export(session, chair).map(state -> new Snapshot(folded.lastSequenceNumber(), state));
    }

    private void dropAllBut(Set<SessionId> running) {
        Set<String> keep = new HashSet<>();
        running.forEach(session -> keep.add(session.value()));
        transactions.executeWithoutResult(status -> entityManager
                .createQuery("select r from LiveViewSnapshotRow r", LiveViewSnapshotRow.class).getResultList()
                .stream().filter(row -> partition.owns(new ChairId(row.chairId())))
                .filter(row -> !keep.contains(row.sessionId())).forEach(entityManager::remove));
    }

    private byte[] write(LiveChair chair) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(bytes)) {
            json.writeValue(out, chair);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a live view snapshot", e);
        }
        return bytes.toByteArray();
    }

    private LiveChair read(byte[] bytes) throws IOException {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes))) {
            return json.readValue(in, LiveChair.class);
        }
    }

    private void takeLogged() {
        if (!leadership.isActive()) {
            return;
        }
        try {
            long began = System.nanoTime();
            int written = takeAll();
            log.debug("{} live view snapshots written in {} ms", written, (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Live view snapshots not taken; the next attempt is in {}", interval, e);
        }
    }

    /** With leadership configured, only when this node takes the lease. */
    @Override
    public boolean isAutoStartup() {
        return !leadership.isElected();
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("live-view-snapshot-"));
        long first = Math.min(interval.toMillis(), Duration.ofMinutes(1).toMillis());
        worker.scheduleWithFixedDelay(this::takeLogged, first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for a snapshot being taken, then takes the last ones: the next start folds nothing more. */
    @Override
    public void stop() {
        ScheduledExecutorService stopping = worker;
        worker = null;
        stopping.shutdown();
        try {
            stopping.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        takeLogged();
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** Starts after the live view is folded ({@link LiveViewStart}), stops after ingest and the processors. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1001;
    }
}
