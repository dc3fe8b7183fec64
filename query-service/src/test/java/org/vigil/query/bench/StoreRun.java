package org.vigil.query.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one store target measured: observation events written one command (one commit) at a time, how long each
 * took, and the bytes on disk they left.
 *
 * @param target          the target's name and settings
 * @param observations    observation events written
 * @param otherEvents     every other event in the store (sessions started, alarms the rules raised)
 * @param bytes           the store's size on disk, as {@link #sizeMethod} says
 * @param sizeMethod      how {@link #bytes} was measured
 * @param tables          per event type: count, average payload and metadata bytes
 * @param commitNanos     the duration of each timed command, sorted
 */
record StoreRun(String target, long observations, long otherEvents, long bytes, String sizeMethod,
                List<String> tables, long[] commitNanos) {

    double bytesPerObservation() {
        return (double) bytes / observations;
    }

    double commitMillis(double percentile) {
        if (commitNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(commitNanos.length - 1, Math.ceil(percentile / 100 * commitNanos.length) - 1);
        return commitNanos[Math.max(0, index)] / 1e6;
    }

    double meanCommitMillis() {
        return Arrays.stream(commitNanos).average().orElse(Double.NaN) / 1e6;
    }

    double commitsPerSecond() {
        return 1000 / meanCommitMillis();
    }

    String row() {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.2f | %.2f | %.2f | %.0f |", target,
                observations, otherEvents, bytes, bytesPerObservation(), meanCommitMillis(), commitMillis(50),
                commitMillis(99), commitsPerSecond());
    }
}
