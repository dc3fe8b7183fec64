package org.vigil.adapters.hl7.storm;

import io.vertx.core.Vertx;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.adapters.hl7.Hl7Listener;
import org.vigil.adapters.hl7.Hl7ListenerSettings;
import org.vigil.adapters.hl7.MllpConnectionGuard;
import org.vigil.adapters.hl7.MllpConnectionLimits;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A connection storm on the MLLP listener, on loopback, with the default connection limits: 500 connections that
 * send nothing, 50 slow-loris senders and 100 devices that all disconnect and reconnect every second, while 10
 * well-behaved devices each send a PCD-01 message every 100 ms. Asserts what must hold whatever the machine's
 * speed: every well-behaved message is answered AA and stored, the caps hold, the heap stays bounded. The ACK
 * latency with and without the storm is measured and reported (target/mllp-storm.md), never asserted.
 *
 * <p>{@code -Dstorm.seconds} sets the length of each phase (6 s by default; the {@code storm} profile runs longer,
 * see BENCHMARKS.md).
 */
class MllpStormIT {

    private static final int IDLE = 500;
    private static final int SLOW_LORIS = 50;
    private static final int RECONNECTING = 100;
    private static final int DEVICES = 10;
    private static final Duration PERIOD = Duration.ofMillis(100);
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final long HEAP_GROWTH_BOUND = 64L * 1024 * 1024;

    private final Duration phase = Duration.ofSeconds(Long.getLong("storm.seconds", 6));
    private final CountingSink sink = new CountingSink();
    private final List<PacedDevice> devices = new ArrayList<>();
    private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(DEVICES);
    private Vertx vertx;
    private Hl7Listener listener;
    private StormTraffic storm;

    @AfterEach
    void stopEverything() throws Exception {
        pacer.shutdownNow();
        pacer.awaitTermination(20, TimeUnit.SECONDS);
        if (storm != null) {
            storm.close();
        }
        for (PacedDevice device : devices) {
            device.close();
        }
        if (listener != null) {
            listener.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void answersWellBehavedDevicesThroughAStormWithinTheCapsAndABoundedHeap() throws Exception {
        // given
        vertx = Vertx.vertx();
        listener = new Hl7Listener(vertx, Hl7ListenerSettings.of("127.0.0.1", 0), MllpConnectionLimits.defaults(),
                Optional.empty(), sink, Clock.systemUTC());
        int port = listener.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String template = PcdTemplate.nistGateway();
        for (int i = 0; i < DEVICES; i++) {
            PacedDevice device = new PacedDevice(template, "dev" + i, PERIOD.toNanos(), port);
            devices.add(device);
            pacer.scheduleAtFixedRate(device::sendOne, i * PERIOD.toMillis() / DEVICES, PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        runFor(WARM_UP);
        PacedDevice.Measured warmUp = collect();
        runFor(phase);
        PacedDevice.Measured quiet = collect();
        long heapBefore = usedHeapAfterGc();

        // when
        storm = new StormTraffic(port, RECONNECTING);
        storm.startReconnecting(1000);
        CompletableFuture<Void> idle = CompletableFuture.runAsync(() -> storm.openIdle(IDLE));
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> storm.startSlowLoris(SLOW_LORIS, 3));
        runFor(phase);
        pacer.shutdown();
        assertThat(pacer.awaitTermination(30, TimeUnit.SECONDS)).as("the last messages answered").isTrue();
        PacedDevice.Measured stormy = collect();
        idle.get(30, TimeUnit.SECONDS);
        slow.get(30, TimeUnit.SECONDS);
        long heapDuring = usedHeapAfterGc();

        // then
        MllpConnectionGuard connections = listener.connections();
        String report = StormReport.render(phase, quiet, stormy, connections, heapBefore, heapDuring,
                storm.summary());
        System.out.println(report);
        Files.writeString(Path.of("target", "mllp-storm.md"), report, StandardCharsets.UTF_8);
        assertThat(quiet.notAccepted()).as("quiet messages not answered AA").isZero();
        assertThat(stormy.notAccepted()).as("messages during the storm not answered AA").isZero();
        assertThat(stormy.accepted()).as("messages answered during the storm").isPositive();
        assertThat(sink.recorded()).as("every accepted message stored")
                .isEqualTo(warmUp.accepted() + quiet.accepted() + stormy.accepted());
        assertThat(connections.peakOpen()).isLessThanOrEqualTo(MllpConnectionLimits.DEFAULT_MAX_CONNECTIONS);
        assertThat(connections.refused()).as("connections refused by the caps").isPositive();
        assertThat(heapDuring - heapBefore).as("heap growth during the storm, bytes").isLessThan(HEAP_GROWTH_BOUND);
    }

    private void runFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        await().pollInterval(Duration.ofMillis(50)).atMost(duration.plusSeconds(30))
                .until(() -> System.nanoTime() >= end);
    }

    /** What every device measured since the last call, merged. */
    private PacedDevice.Measured collect() {
        Histogram merged = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long accepted = 0;
        long notAccepted = 0;
        for (PacedDevice device : devices) {
            PacedDevice.Measured one = device.takeMeasured();
            merged.add(one.latencies());
            accepted += one.accepted();
            notAccepted += one.notAccepted();
        }
        return new PacedDevice.Measured(merged, accepted, notAccepted);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
