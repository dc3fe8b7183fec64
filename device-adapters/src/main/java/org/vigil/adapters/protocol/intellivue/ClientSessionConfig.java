package org.vigil.adapters.protocol.intellivue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.vigil.core.api.DeviceId;

/**
 * Settings of one IntelliVue client session.
 *
 * @param pollInterval       how often numerics are polled (default 1 s: the monitor updates numerics each second)
 * @param answerTimeout      how long to wait for the Association Result or the MDS Create Event before asking again
 * @param silenceTimeout     how long the monitor may stay silent while polled before the client re-associates
 * @param monitorZone        the zone of the monitor's wall clock (its AbsoluteTime has no offset)
 * @param acceptDemoData     whether demo-mode values count as measured; only for training set-ups
 */
public record ClientSessionConfig(DeviceId deviceId, ZoneId monitorZone, Duration pollInterval,
                                  Duration answerTimeout, Duration silenceTimeout, boolean acceptDemoData) {

    public ClientSessionConfig {
        Objects.requireNonNull(deviceId, "device id");
        Objects.requireNonNull(monitorZone, "monitor zone");
        requirePositive(pollInterval, "poll interval");
        requirePositive(answerTimeout, "answer timeout");
        requirePositive(silenceTimeout, "silence timeout");
    }

    public static ClientSessionConfig defaults(DeviceId deviceId, ZoneId monitorZone) {
        return new ClientSessionConfig(deviceId, monitorZone, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(10), false);
    }

    public ClientSessionConfig withPollInterval(Duration value) {
        return new ClientSessionConfig(deviceId, monitorZone, value, answerTimeout, silenceTimeout, acceptDemoData);
    }

    public ClientSessionConfig withAnswerTimeout(Duration value) {
        return new ClientSessionConfig(deviceId, monitorZone, pollInterval, value, silenceTimeout, acceptDemoData);
    }

    public ClientSessionConfig withSilenceTimeout(Duration value) {
        return new ClientSessionConfig(deviceId, monitorZone, pollInterval, answerTimeout, value, acceptDemoData);
    }

    public ClientSessionConfig withAcceptDemoData(boolean value) {
        return new ClientSessionConfig(deviceId, monitorZone, pollInterval, answerTimeout, silenceTimeout, value);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
