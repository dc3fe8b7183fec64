package org.vigil.query.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What this JVM spent over a measured window, read from its own management beans: processor time (as a share of
 * all the machine's processors), the time its JIT compilers spent compiling, the most heap in use (sampled every
 * 100 ms), and the garbage collector's pauses (the stop-the-world collections G1 reports, from their notifications:
 * count, total and longest).
 */
final class JvmUse implements AutoCloseable {

    /** The window's figures. */
    record Figures(double cpuPercent, long compileMillis, long heapMaxUsedBytes, long gcPauses,
                   long gcPauseTotalMillis, long gcPauseMaxMillis) {
    }

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jvm-use-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong heapMax = new AtomicLong();
    private final AtomicLong pauses = new AtomicLong();
    private final AtomicLong pauseTotal = new AtomicLong();
    private final AtomicLong pauseMax = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private final long cpuStart = Machine.processCpuNanos();
    private final long wallStart = System.nanoTime();
    private final long compileStart = compileMillis();

    /** Starts measuring now. */
    JvmUse() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sampler.scheduleAtFixedRate(() -> heapMax.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 100, TimeUnit.MILLISECONDS);
    }

    /** The figures from the start to now. */
    Figures figures() {
        double wall = System.nanoTime() - wallStart;
        double cpu = Machine.processCpuNanos() - cpuStart;
        int processors = Runtime.getRuntime().availableProcessors();
        return new Figures(100 * cpu / wall / processors, compileMillis() - compileStart, heapMax.get(),
                pauses.get(), pauseTotal.get(), pauseMax.get());
    }

    /** The time the JIT compilers have spent compiling so far, summed over their threads; 0 when not reported. */
    private static long compileMillis() {
        CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
    }

    private void collected(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData());
        if (info.getGcAction().contains("end of") && !info.getGcName().contains("Concurrent")) {
            long millis = info.getGcInfo().getDuration();
            pauses.incrementAndGet();
            pauseTotal.addAndGet(millis);
            pauseMax.accumulateAndGet(millis, Math::max);
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // never added
            }
        }
    }
}
