package org.vigil.adapters.hl7;

import io.vertx.core.Vertx;
import org.vigil.adapters.hl7.wire.MllpFramer;
import org.vigil.adapters.ingest.DeviceReportSink;
import org.vigil.adapters.transport.ByteTransport;
import org.vigil.adapters.transport.ConnectionListener;
import org.vigil.adapters.transport.SupervisionSettings;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceReport;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the supervised HL7/MLLP link for a device entry of the configuration whose protocol is HL7 and whose
 * transport is a serial port, a terminal server or a TCP port of its own (docs/DESIGN.md, "External interface": protocol,
 * transport, chair). Gateways that dial in to port 2575 use the {@link Hl7Listener} instead.
 */
public final class Hl7Links {

    private Hl7Links() {
    }

    /**
     * A link to one device, not yet started, named after it. The device id inside the messages (OBX-18, else MSH-3)
     * still decides whose reports they are; a message about another device is recorded too, with a warning in the
     * log, since it means the configuration names the device differently from what it says of itself.
     *
     * @param expectedDevice the device entry's id
     * @param transport      a transport not yet opened; the link opens and closes it
     * @param sink           where reports are stored; a message is acknowledged once its stage completes
     * @param listener       told of connection changes, silence, framing failures and stored reports
     */
    public static Hl7Link supervised(DeviceId expectedDevice, ByteTransport transport, DeviceReportSink sink,
                                     ConnectionListener<? super DeviceReport> listener,
                                     SupervisionSettings supervision, Vertx vertx, Clock clock) {
        Objects.requireNonNull(expectedDevice, "expected device");
        return new Hl7Link(expectedDevice.value(), Optional.of(expectedDevice), MllpFramer.DEFAULT_MAX_FRAME_BYTES,
                transport, sink, listener, supervision, vertx, clock);
    }

    /**
     * A link, not yet started, that may carry messages about several devices (a gateway behind a serial line or a
     * terminal server).
     *
     * @param name names the link in logs
     */
    public static Hl7Link supervised(String name, ByteTransport transport, DeviceReportSink sink,
                                     ConnectionListener<? super DeviceReport> listener,
                                     SupervisionSettings supervision, Vertx vertx, Clock clock) {
        return new Hl7Link(name, Optional.empty(), MllpFramer.DEFAULT_MAX_FRAME_BYTES, transport, sink, listener,
                supervision, vertx, clock);
    }
}
