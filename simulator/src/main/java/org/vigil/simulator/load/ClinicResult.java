package org.vigil.simulator.load;

import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What a clinic load measured over its window (after the warm-up): device messages due and answered, ACK
 * latencies from the first byte written to the ACK read, how late messages went out, and the alarms the stations saw
 * with their latency from the triggering message's first byte to the {@code alarm} event on the stream.
 *
 * @param offered        device messages due in the window
 * @param sent           of those, the ones written to the wire
 * @param superseded     of those, the ones still unsent when their device's next message fell due, never sent
 * @param unsent         due messages not sent because the connection could not be opened
 * @param lateness       nanoseconds from when a message was due to its first byte written
 * @param alarmLatencies nanoseconds, one value for each station that saw each alarm
 * @param alarms         distinct alarms raised by the abnormal chairs' messages in the window
 * @param missedAlarms   surge readings after which a station saw no alarm (each station counted)
 * @param otherAlarms    alarms no abnormal chair's message explains
 * @param stationEvents  events the stations read over the whole run, all stations together
 * @param setUp          how long booking and checking in the sessions took (zero when the run did not)
 */
public record ClinicResult(int chairs, int abnormalChairs, int gateways, int stations, Duration window,
                           long offered, long sent, long superseded, long accepted, long errors, long rejections, long timeouts,
                           long connectionFailures, long unsent, Histogram ackLatencies, Histogram lateness,
                           Histogram alarmLatencies, long alarms, long missedAlarms, long otherAlarms,
                           long stationEvents, Duration setUp) {

    public double offeredPerSecond() {
        return offered / seconds();
    }

    /** Messages answered {@code AA} per second of the window. */
    public double acceptedPerSecond() {
        return accepted / seconds();
    }

    public double ackMillis(double percentile) {
        return ackLatencies.getTotalCount() == 0 ? Double.NaN : ackLatencies.getValueAtPercentile(percentile) / 1e6;
    }

    public double ackMaxMillis() {
        return ackLatencies.getTotalCount() == 0 ? Double.NaN : ackLatencies.getMaxValue() / 1e6;
    }

    public double alarmMillis(double percentile) {
        return alarmLatencies.getTotalCount() == 0 ? Double.NaN
                : alarmLatencies.getValueAtPercentile(percentile) / 1e6;
    }

    public double alarmMaxMillis() {
        return alarmLatencies.getTotalCount() == 0 ? Double.NaN : alarmLatencies.getMaxValue() / 1e6;
    }

    public double latenessMillis(double percentile) {
        return lateness.getTotalCount() == 0 ? Double.NaN : lateness.getValueAtPercentile(percentile) / 1e6;
    }

    /** Messages due that were not answered {@code AA}: errors, rejections, timeouts, superseded and never sent. */
    public long failures() {
        return offered - accepted;
    }

    /** Every due message answered {@code AA} and every surge alarm seen by every station. */
    public boolean clean() {
        return failures() == 0 && missedAlarms == 0;
    }

    public String summary() {
        return String.format(Locale.ROOT, "%d chairs (%d abnormal) over %d connection(s), %d station(s), %.0f s "
                        + "measured: %.0f messages/s offered, %.0f AA/s; ACK p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                        + "sent late p99 %.1f ms, %d superseded; %d AE, %d AR, %d timeouts, %d unsent, %d connection failures; "
                        + "%d alarms, on screen p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d missed, %d others; "
                        + "%d station events; sessions set up in %.1f s",
                chairs, abnormalChairs, gateways, stations, seconds(), offeredPerSecond(), acceptedPerSecond(),
                ackMillis(50), ackMillis(99), ackMaxMillis(), latenessMillis(99), superseded, errors, rejections, timeouts,
                unsent, connectionFailures, alarms, alarmMillis(50), alarmMillis(99), alarmMaxMillis(), missedAlarms,
                otherAlarms, stationEvents, setUp.toMillis() / 1000.0);
    }

    private double seconds() {
        return Math.max(1e-9, window.toNanos() / 1e9);
    }

    /** Gathers the connections' figures. */
    static final class Builder {

        private final Histogram ackLatencies = new Histogram(3);
        private final Histogram lateness = new Histogram(3);
        private long offered;
        private long sent;
        private long superseded;
        private long accepted;
        private long errors;
        private long rejections;
        private long timeouts;
        private long connectionFailures;
        private long unsent;

        void add(long moreOffered, long moreSent, long moreSuperseded, long moreAccepted, long moreErrors, long moreRejections, long moreTimeouts,
                 long moreConnectionFailures, long moreUnsent, Histogram moreLatencies, Histogram moreLateness) {
            offered += moreOffered;
            sent += moreSent;
            superseded += moreSuperseded;
            accepted += moreAccepted;
            errors += moreErrors;
            rejections += moreRejections;
            timeouts += moreTimeouts;
            connectionFailures += moreConnectionFailures;
            unsent += moreUnsent;
            ackLatencies.add(moreLatencies);
            lateness.add(moreLateness);
        }

        ClinicResult build(ClinicSettings settings, int abnormalChairs, AlarmTriggers.Measured alarms,
                           long stationEvents, Duration setUp) {
            return new ClinicResult(settings.chairs(), abnormalChairs, settings.gateways(), settings.stations(),
                    settings.duration(), offered, sent, superseded, accepted, errors, rejections, timeouts,
                    connectionFailures, unsent,
                    ackLatencies, lateness, alarms.latencies(), alarms.alarms(), alarms.missed(), alarms.others(),
                    stationEvents, setUp);
        }
    }
}
