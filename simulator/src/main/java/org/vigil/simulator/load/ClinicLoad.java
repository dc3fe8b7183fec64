package org.vigil.simulator.load;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A clinic under load, against any Vigil (BENCHMARKS.md, "A clinic under load"): a session set
 * up at every chair through the HTTP API, nurses' stations on {@code /api/stream}, and every chair's monitor (PCD-01
 * every second, the cuff on the protocol's cadence) and pump (PCD-01 every 2 s) sending over MLLP through
 * {@link ClinicSettings#gateways()} connections, 2 % of the chairs in the abnormal scenario of
 * {@link ClinicMessages}. Vigil must bind the devices to the chairs ({@link ClinicChair#deviceBindings(List)}) and
 * accept that many connections from one address.
 * <p>
 * {@link #run()} sets the sessions up, starts the devices, warms up, measures for the settings' duration, and
 * returns what it measured. Sessions set up more than the protocol's silence time (10 s) before their devices'
 * first message raise {@code device-offline}, cleared by that message: the warm-up is there to absorb them.
 */
public final class ClinicLoad {

    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ALARM_GRACE = Duration.ofSeconds(5);

    private final ClinicSettings settings;
    private final Clock clock;
    private final List<ClinicChair> chairs;
    private final CountDownLatch stop = new CountDownLatch(1);

    public ClinicLoad(ClinicSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.chairs = ClinicChair.clinic(settings.chairs(), settings.abnormalPercent());
    }

    /** The chairs this load runs, with their devices. */
    public List<ClinicChair> chairs() {
        return chairs;
    }

    /** Books and checks in a session at every chair through the HTTP API (done by {@link #run()} when asked for). */
    public void setUpSessions() throws InterruptedException {
        new ClinicSessions(HttpClient.newHttpClient(), settings.http(), settings.user(), settings.password())
                .setUp(chairs);
    }

    /** Sets up (when asked for), subscribes the stations, runs the load and measures it. */
    public ClinicResult run() throws InterruptedException {
        return run(ClinicWindow.NONE);
    }

    /** As {@link #run()}, telling {@code window} when the measured window opens and closes. */
    public ClinicResult run(ClinicWindow window) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<StationClient> stations = new ArrayList<>();
        List<ClinicGateway> gateways = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AlarmTriggers triggers = new AlarmTriggers();
        try {
            Duration setUp = Duration.ZERO;
            if (settings.setUpSessions()) {
                long setUpStart = System.nanoTime();
                setUpSessions();
                setUp = Duration.ofNanos(System.nanoTime() - setUpStart);
            }
            for (int i = 0; i < settings.stations(); i++) {
                stations.add(new StationClient(http, settings.http(), settings.user(), settings.password()));
            }
            for (StationClient station : stations) {
                awaitSubscribed(station);
            }
            ClinicMessages messages = new ClinicMessages(Long.toString(clock.millis(), 36), clock);
            for (int g = 0; g < settings.gateways(); g++) {
                ClinicGateway gateway = new ClinicGateway(settings, share(g), messages, triggers, stop);
                gateway.connect();
                gateways.add(gateway);
            }
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            for (int g = 0; g < gateways.size(); g++) {
                gateways.get(g).startAt(start);
                Thread thread = new Thread(gateways.get(g), "clinic-gateway-" + (g + 1));
                thread.setDaemon(true);
                threads.add(thread);
            }
            threads.forEach(Thread::start);
            long measureFrom = System.nanoTime() + settings.warmUp().toNanos();
            long end = measureFrom + settings.duration().toNanos();
            gateways.forEach(gateway -> gateway.window(measureFrom, end));
            if (!stop.await(Math.max(0, measureFrom - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                window.opened();
                stop.await(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                window.closed();
            }
            long joinBy = end + settings.ackTimeout().toNanos() + ALARM_GRACE.toNanos();
            for (Thread thread : threads) {
                thread.join(Math.max(1, (joinBy - System.nanoTime()) / 1_000_000));
            }
            stop.await(Math.max(0, end + ALARM_GRACE.toNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
            return result(gateways, stations, triggers, measureFrom, end, setUp);
        } finally {
            stop.countDown();
            gateways.forEach(ClinicGateway::close);
            for (Thread thread : threads) {
                thread.join(settings.ackTimeout().toMillis());
            }
            stations.forEach(StationClient::close);
        }
    }

    /** Ends the run early, from any thread. */
    public void stop() {
        stop.countDown();
    }

    private ClinicResult result(List<ClinicGateway> gateways, List<StationClient> stations, AlarmTriggers triggers,
                                long measureFrom, long end, Duration setUp) {
        ClinicResult.Builder result = new ClinicResult.Builder();
        gateways.forEach(gateway -> gateway.addTo(result));
        AlarmTriggers.Measured alarms = triggers.measure(stations, measureFrom, end, ALARM_GRACE.toNanos());
        long events = stations.stream().mapToLong(StationClient::allEvents).sum();
        int abnormal = (int) chairs.stream().filter(ClinicChair::abnormal).count();
        return result.build(settings, abnormal, alarms, events, setUp);
    }

    /** Gateway {@code g}'s chairs: every {@code gateways}-th chair from the g-th. */
    private List<ClinicChair> share(int g) {
        List<ClinicChair> mine = new ArrayList<>();
        for (int i = g; i < chairs.size(); i += settings.gateways()) {
            mine.add(chairs.get(i));
        }
        return mine;
    }

    private static void awaitSubscribed(StationClient station) throws InterruptedException {
        try {
            station.subscribed().get(SUBSCRIBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a station could not subscribe to /api/stream: " + e, e);
        }
    }
}
