package org.vigil.adapters.masimo;

import io.vertx.core.Vertx;
import java.time.Clock;
import org.vigil.adapters.transport.ConnectionListener;
import org.vigil.adapters.transport.ReconnectPolicy;
import org.vigil.adapters.transport.SerialSettings;
import org.vigil.adapters.transport.SerialTransport;
import org.vigil.adapters.transport.SupervisedConnection;
import org.vigil.adapters.transport.SupervisionSettings;
import org.vigil.adapters.transport.TcpClientTransport;
import org.vigil.core.api.DeviceReport;

/**
 * Builds a supervised connection to one Masimo pulse oximeter, on its serial port or through the terminal server
 * its RS-232 port is wired to (docs/PROTOCOLS.md: any protocol on any transport). The connection is returned
 * unstarted.
 */
public final class MasimoLinks {

    private MasimoLinks() {
    }

    /** An oximeter on a serial port at the protocol's line settings (9600 8N1). */
    public static SupervisedConnection<DeviceReport> serial(String name, String path, MasimoCodecSettings codec,
            ConnectionListener<DeviceReport> listener, SupervisionSettings supervision, ReconnectPolicy reconnect,
            Vertx vertx, Clock clock) {
        return new SupervisedConnection<>(name, new SerialTransport(SerialSettings.pulseOximeter(path), reconnect),
                new MasimoCodec(codec), listener, supervision, vertx, clock);
    }

    /** An oximeter behind a serial-to-Ethernet terminal server at {@code host:port}. */
    public static SupervisedConnection<DeviceReport> terminalServer(String name, String host, int port,
            MasimoCodecSettings codec, ConnectionListener<DeviceReport> listener, SupervisionSettings supervision,
            ReconnectPolicy reconnect, Vertx vertx, Clock clock) {
        return new SupervisedConnection<>(name, new TcpClientTransport(vertx, host, port, reconnect),
                new MasimoCodec(codec), listener, supervision, vertx, clock);
    }
}
