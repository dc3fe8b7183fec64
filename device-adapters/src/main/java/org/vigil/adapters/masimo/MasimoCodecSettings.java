package org.vigil.adapters.masimo;

import java.time.ZoneId;
import java.util.Objects;
import org.vigil.core.api.DeviceId;

/**
 * @param deviceId   the name the oximeter has in the configuration; the sender of every report's message key
 * @param deviceZone the zone the oximeter's clock is set to, to read the date and time of its lines
 */
public record MasimoCodecSettings(DeviceId deviceId, ZoneId deviceZone) {

    public MasimoCodecSettings {
        Objects.requireNonNull(deviceId, "device id");
        Objects.requireNonNull(deviceZone, "device zone");
    }

    public static MasimoCodecSettings defaults(DeviceId deviceId) {
        return new MasimoCodecSettings(deviceId, ZoneId.of("UTC"));
    }

    public MasimoCodecSettings withDeviceZone(ZoneId value) {
        return new MasimoCodecSettings(deviceId, value);
    }
}
