package org.vigil.query.bench;

import org.HdrHistogram.Histogram;

/** What a series of alarm probes measured: nanoseconds to the screen and to the ACK, and probes with no alarm. */
record AlarmLatencies(String label, Histogram toScreen, Histogram toAck, int missed) {

    double screenMillis(double percentile) {
        return toScreen.getValueAtPercentile(percentile) / 1e6;
    }

    double ackMillis(double percentile) {
        return toAck.getValueAtPercentile(percentile) / 1e6;
    }
}
