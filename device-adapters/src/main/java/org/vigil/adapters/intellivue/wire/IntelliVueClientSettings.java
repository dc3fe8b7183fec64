package org.vigil.adapters.intellivue.wire;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.vigil.core.api.DeviceId;

/**
 * Settings of one IntelliVue client (one association dialog at a time).
 *
 * @param pollInterval       how often numerics are polled (default 1 s: the monitor updates numerics each second)
 * @param answerTimeout      how long to wait for the Association Result or the MDS Create Event before asking again
 * @param silenceTimeout     how long the monitor may stay silent while polled before the client re-associates
 * @param monitorZone        the zone of the monitor's wall clock (its AbsoluteTime has no offset)
 * @param acceptDemoData     whether demo-mode values count as measured; only for training set-ups
 */
public record IntelliVueClientSettings(DeviceId deviceId, ZoneId monitorZone, Duration pollInterval,
                                       Duration answerTimeout, Duration silenceTimeout, boolean acceptDemoData) {

    public IntelliVueClientSettings {
        Objects.requireNonNull(deviceId, "device id");
        Objects.requireNonNull(monitorZone, "monitor zone");
        requirePositive(pollInterval, "poll interval");
        requirePositive(answerTimeout, "answer timeout");
        requirePositive(silenceTimeout, "silence timeout");
    }

    public static IntelliVueClientSettings defaults(DeviceId deviceId, ZoneId monitorZone) {
        return new IntelliVueClientSettings(deviceId, monitorZone, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(10), false);
    }

    public IntelliVueClientSettings withPollInterval(Duration value) {
        return new IntelliVueClientSettings(deviceId, monitorZone, value, answerTimeout, silenceTimeout,
                acceptDemoData);
    }

    public IntelliVueClientSettings withAnswerTimeout(Duration value) {
        return new IntelliVueClientSettings(deviceId, monitorZone, pollInterval, value, silenceTimeout, acceptDemoData);
    }

    public IntelliVueClientSettings withSilenceTimeout(Duration value) {
        return new IntelliVueClientSettings(deviceId, monitorZone, pollInterval, answerTimeout, value, acceptDemoData);
    }

    public IntelliVueClientSettings withAcceptDemoData(boolean value) {
        return new IntelliVueClientSettings(deviceId, monitorZone, pollInterval, answerTimeout, silenceTimeout, value);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
