package org.vigil.query.chairs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.vigil.core.alarm.DeviceOutages;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;
import org.vigil.core.session.ChairOccupancy;
import org.vigil.query.leadership.LeaderDuty;
import org.vigil.query.leadership.Leadership;

/**
 * Builds the live chair view when the application starts, before the processors start and before any device is
 * listened to: the running sessions come from the command side ({@link ChairOccupancy}); each one's chair is put
 * back from its latest snapshot ({@link LiveViewSnapshots}) and the events the session stored after it are folded
 * into the chairs and their trends (from its first event when it has no snapshot) — never the whole store;
 * sessions are folded side by side. Devices known to be offline are shown offline at once; every other link state comes from the
 * devices' connections as they report. Nothing is decided and nothing is sent. A standby folds when it takes the
 * lease ({@link LeaderDuty}): only then is it the node whose live view the stations watch.
 */
@Component
class LiveViewStart implements LeaderDuty {

    private static final Logger log = LoggerFactory.getLogger(LiveViewStart.class);

    private final ChairOccupancy occupancy;
    private final LiveViewSnapshots snapshots;
    private final ChairsProjection chairs;
    private final DeviceOutages outages;
    private final LiveViewFold fold;
    private final Leadership leadership;
    private volatile boolean running;

    LiveViewStart(ChairOccupancy occupancy, LiveViewSnapshots snapshots, EventStore eventStore,
                  ChairsProjection chairs, ChairTrends trends, DeviceOutages outages, Leadership leadership) {
        this.leadership = leadership;
        this.occupancy = occupancy;
        this.snapshots = snapshots;
        this.chairs = chairs;
        this.outages = outages;
        this.fold = new LiveViewFold(eventStore, chairs, trends);
    }

    @Override
    public void start() {
        long began = System.nanoTime();
        Map<ChairId, SessionId> sessions = occupancy.running();
        List<Started> started = foldAll(List.copyOf(sessions.values()));
        outages.all().stream().filter(outage -> outage.chairId() != null)
                .forEach(outage -> chairs.linkOffline(outage.chairId(), outage.deviceId(), true));
        log.info("Live view of {} running sessions folded from {} of their events in {} ms ({} from snapshots)",
                sessions.size(), started.stream().mapToLong(Started::folded).sum(),
                (System.nanoTime() - began) / 1_000_000, started.stream().filter(Started::fromSnapshot).count());
        running = true;
    }

    /** How one session's chair was put back: from a snapshot or not, and how many events were folded. */
    private record Started(boolean fromSnapshot, long folded) {
    }

    /**
     * Folds the sessions side by side, one thread per processor: each session has a chair of its own, so their
     * folds touch different state.
     */
    private List<Started> foldAll(List<SessionId> sessions) {
        int threads = Math.max(1, Math.min(sessions.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService folders = Executors.newFixedThreadPool(threads, new CustomizableThreadFactory("live-view-"));
        try {
            List<Future<Started>> folds = folders.invokeAll(sessions.stream()
                    .map(session -> (Callable<Started>) () -> start(session)).toList());
            List<Started> started = new ArrayList<>();
            for (Future<Started> one : folds) {
                started.add(one.get());
            }
            return started;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the live view was folded", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot fold the running sessions into the live view", e.getCause());
        } finally {
            folders.shutdownNow();
        }
    }

    /** The session's latest snapshot, if there is one, and the events it stored after it. */
    private Started start(SessionId session) {
        Optional<LiveViewSnapshots.Snapshot> snapshot = snapshots.latest(session);
        snapshot.ifPresent(taken -> fold.restore(taken.chair()));
        long after = snapshot.map(LiveViewSnapshots.Snapshot::sequenceNumber).orElse(-1L);
        return new Started(snapshot.isPresent(), fold.fold(session, after).events());
    }

    /** With leadership configured, only when this node takes the lease. */
    @Override
    public boolean isAutoStartup() {
        return !leadership.isElected();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before Axon's processors (which start in a late phase) begin to deliver new events. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
