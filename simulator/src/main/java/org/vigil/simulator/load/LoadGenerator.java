package org.vigil.simulator.load;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;

/**
 * Drives an MLLP receiver as hard as acknowledgements allow: {@link LoadSettings#connections()} connections,
 * each a device sending IHE PCD-01 back to back, the next message as soon as the previous one's ACK arrives
 * (the original acknowledgement mode a gateway uses, docs/PROTOCOLS.md §1). Every round trip is recorded in an
 * HdrHistogram; AA, AE, AR and timeouts are counted. The receiver can be any Vigil, or any other MLLP
 * listener.
 * <p>
 * Connections are opened before the clock starts. A run ends at its duration, when its message limit is spent
 * or when {@link #stop()} is called; messages already on the wire then are still awaited, up to the ACK timeout.
 */
public final class LoadGenerator {

    private static final Duration GRACE = Duration.ofSeconds(2);

    private final LoadSettings settings;
    private final Clock clock;
    private final LoadListener listener;
    private final SplittableRandom random = new SplittableRandom();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();

    /** {@code clock} stamps the messages' observation times. */
    public LoadGenerator(LoadSettings settings, Clock clock) {
        this(settings, clock, LoadListener.NONE);
    }

    /** As {@link #LoadGenerator(LoadSettings, Clock)}, and tells {@code listener} what came of every message. */
    public LoadGenerator(LoadSettings settings, Clock clock, LoadListener listener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Runs the load once; a generator runs only once. */
    public LoadResult run() throws InterruptedException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a load generator runs only once");
        }
        String runTag = Long.toString(clock.millis(), 36) + Integer.toString(random.nextInt(36 * 36 * 36), 36);
        MessageBudget budget = new MessageBudget(settings.messageLimit());
        List<LoadSender> senders = new ArrayList<>();
        for (int n = 1; n <= settings.connections(); n++) {
            LoadSender sender = new LoadSender(settings,
                    new LoadMessages(settings.deviceName(n), runTag + "c" + n, clock), budget, stop, listener);
            sender.connect();
            senders.add(sender);
        }
        List<Thread> threads = start(senders);
        try {
            awaitEnd(threads);
        } finally {
            stop.countDown();
            senders.forEach(LoadSender::close);
            for (Thread thread : threads) {
                thread.join();
            }
        }
        return combine(senders);
    }

    /**
     * Ends the run early, from any thread: no new message is sent and the answers already due are awaited.
     */
    public void stop() {
        stop.countDown();
    }

    private List<Thread> start(List<LoadSender> senders) {
        long deadline = System.nanoTime() + settings.duration().toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++) {
            LoadSender sender = senders.get(i);
            sender.sendUntil(deadline);
            Thread thread = new Thread(sender, "load-" + settings.deviceName(i + 1));
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        return threads;
    }

    /** Waits for the senders to finish on their own: the run's duration, the last ACK timeout and a margin. */
    private void awaitEnd(List<Thread> threads) throws InterruptedException {
        long end = System.nanoTime() + settings.duration().plus(settings.ackTimeout()).plus(GRACE).toNanos();
        for (Thread thread : threads) {
            long remainingMillis = Math.max(1, (end - System.nanoTime()) / 1_000_000);
            thread.join(remainingMillis);
        }
    }

    /** The senders' counts added and latencies merged, over the time from the first write to the last answer. */
    private LoadResult combine(List<LoadSender> senders) {
        Histogram latencies = new Histogram(3);
        long accepted = 0;
        long errors = 0;
        long rejections = 0;
        long timeouts = 0;
        long connectionFailures = 0;
        long firstWrite = Long.MAX_VALUE;
        long lastAnswer = Long.MIN_VALUE;
        for (LoadSender sender : senders) {
            LoadResult one = sender.result();
            latencies.add(one.latencies());
            accepted += one.accepted();
            errors += one.errors();
            rejections += one.rejections();
            timeouts += one.timeouts();
            connectionFailures += one.connectionFailures();
            firstWrite = Math.min(firstWrite, sender.firstWrite());
            lastAnswer = Math.max(lastAnswer, sender.lastAnswer());
        }
        Duration elapsed = Duration.ofNanos(lastAnswer >= firstWrite ? lastAnswer - firstWrite : 0);
        return new LoadResult(settings.connections(), elapsed, accepted, errors, rejections, timeouts,
                connectionFailures, latencies);
    }
}
