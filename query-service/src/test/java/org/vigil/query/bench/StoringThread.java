package org.vigil.query.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The processor time of the one thread that stores Vigil's groups of device messages ({@code GroupCommit}'s
 * {@code ingest-group-commit}), read in this JVM, where the benchmark runs Vigil. Every message passes through that
 * thread one after the other, so its time per message bounds the ingest's ceiling whatever the cores: a thread busy
 * all the time stores at most one message per that time.
 */
final class StoringThread {

    private static final String NAME = "ingest-group-commit";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StoringThread() {
    }

    /** The thread's processor time so far, in nanoseconds; 0 while it does not run. */
    static long cpuNanos() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (NAME.equals(thread.getName())) {
                long nanos = THREADS.getThreadCpuTime(thread.getId());
                return Math.max(nanos, 0);
            }
        }
        return 0;
    }
}
