package org.vigil.adapters.pump;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.vigil.core.api.DeviceId;

/**
 * @param deviceId          the name the pump has in the configuration; the sender of every report's message key
 * @param pollInterval      how often to send the status poll; 2 s by default (docs/PROTOCOLS.md §3)
 * @param programmeInterval how often to ask for the programme even when the rate did not change; 30 s by default
 *                          (a drug or concentration changed at the pump shows up within that time)
 * @param deviceZone        the zone the pump's clock is set to, to read its timestamps
 */
public record PumpCodecSettings(DeviceId deviceId, Duration pollInterval, Duration programmeInterval,
                                ZoneId deviceZone) {

    public PumpCodecSettings {
        Objects.requireNonNull(deviceId, "device id");
        Objects.requireNonNull(deviceZone, "device zone");
        requirePositive(pollInterval, "poll interval");
        requirePositive(programmeInterval, "programme interval");
    }

    public static PumpCodecSettings defaults(DeviceId deviceId) {
        return new PumpCodecSettings(deviceId, Duration.ofSeconds(2), Duration.ofSeconds(30), ZoneId.of("UTC"));
    }

    public PumpCodecSettings withPollInterval(Duration value) {
        return new PumpCodecSettings(deviceId, value, programmeInterval, deviceZone);
    }

    public PumpCodecSettings withProgrammeInterval(Duration value) {
        return new PumpCodecSettings(deviceId, pollInterval, value, deviceZone);
    }

    public PumpCodecSettings withDeviceZone(ZoneId value) {
        return new PumpCodecSettings(deviceId, pollInterval, programmeInterval, value);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
