package org.vigil.adapters.pump;

import io.vertx.core.Vertx;
import java.time.Clock;
import org.vigil.adapters.transport.ConnectionListener;
import org.vigil.adapters.transport.ReconnectPolicy;
import org.vigil.adapters.transport.SerialSettings;
import org.vigil.adapters.transport.SerialTransport;
import org.vigil.adapters.transport.SupervisedConnection;
import org.vigil.adapters.transport.SupervisionSettings;
import org.vigil.adapters.transport.TcpClientTransport;
import org.vigil.core.api.PumpReport;

/**
 * Builds a supervised connection to one infusion pump, on its serial port or through the terminal server its
 * RS-232 port is wired to (docs/PROTOCOLS.md: any protocol on any transport). The connection is returned unstarted.
 */
public final class PumpLinks {

    private PumpLinks() {
    }

    /** A pump on a serial port at the protocol's line settings (38400 8N1). */
    public static SupervisedConnection<PumpReport> serial(String name, String path,
            PumpCodecSettings codec, ConnectionListener<PumpReport> listener,
            SupervisionSettings supervision, ReconnectPolicy reconnect, Vertx vertx, Clock clock) {
        return new SupervisedConnection<>(name, new SerialTransport(SerialSettings.pump(path), reconnect),
                new PumpCodec(codec), listener, supervision, vertx, clock);
    }

    /** A pump behind a serial-to-Ethernet terminal server at {@code host:port}. */
    public static SupervisedConnection<PumpReport> terminalServer(String name, String host,
            int port, PumpCodecSettings codec, ConnectionListener<PumpReport> listener,
            SupervisionSettings supervision, ReconnectPolicy reconnect, Vertx vertx, Clock clock) {
        return new SupervisedConnection<>(name, new TcpClientTransport(vertx, host, port, reconnect),
                new PumpCodec(codec), listener, supervision, vertx, clock);
    }
}
