package org.vigil.adapters.intellivue;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.ZoneId;
import org.vigil.adapters.intellivue.wire.IntelliVueClientSettings;
import org.vigil.adapters.transport.ByteTransport;
import org.vigil.adapters.transport.ConnectionListener;
import org.vigil.adapters.transport.SerialSettings;
import org.vigil.adapters.transport.SerialTransport;
import org.vigil.adapters.transport.SupervisedConnection;
import org.vigil.adapters.transport.SupervisionSettings;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;

/**
 * Builds the supervised link to one IntelliVue monitor from a device entry of the configuration (docs/DESIGN.md,
 * "External interface": protocol, transport, chair). The transport is whatever the entry names: a
 * {@link SerialTransport} on the MIB/RS232 port ({@link SerialSettings#intelliVue(String)}: 115200 8N1,
 * docs/PROTOCOLS.md §2) or a {@link org.vigil.adapters.transport.TcpClientTransport} to the terminal server the port is
 * wired to.
 */
public final class IntelliVueLinks {

    private IntelliVueLinks() {
    }

    /**
     * A connection not yet started, named after the device.
     *
     * @param settings  the client's dialog settings; its device id names the connection and the observations
     * @param transport a transport not yet opened; the connection opens and closes it
     */
    public static SupervisedConnection<DeviceObservations> supervised(
            IntelliVueClientSettings settings, ByteTransport transport, ConnectionListener<DeviceObservations> listener,
            SupervisionSettings supervision, Vertx vertx, Clock clock) {
        return new SupervisedConnection<>(settings.deviceId().value(), transport, new IntelliVueCodec(settings),
                listener, supervision, vertx, clock);
    }

    /**
     * As the factory above, with the default dialog settings ({@link IntelliVueClientSettings#defaults}): a poll a
     * second, re-association after 10 s of silence.
     */
    public static SupervisedConnection<DeviceObservations> supervised(
            DeviceId deviceId, ZoneId monitorZone, ByteTransport transport,
            ConnectionListener<DeviceObservations> listener, SupervisionSettings supervision, Vertx vertx,
            Clock clock) {
        return supervised(IntelliVueClientSettings.defaults(deviceId, monitorZone), transport, listener, supervision,
                vertx, clock);
    }

    /** The monitor's MIB/RS232 port at {@code path}, with the IntelliVue line settings. */
    public static SerialTransport serialPort(String path) {
        return new SerialTransport(SerialSettings.intelliVue(path));
    }
}
