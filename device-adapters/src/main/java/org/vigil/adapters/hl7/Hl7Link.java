package org.vigil.adapters.hl7;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.adapters.hl7.wire.MllpEvent;
import org.vigil.adapters.ingest.DeviceReportSink;
import org.vigil.adapters.transport.ByteTransport;
import org.vigil.adapters.transport.ConnectionListener;
import org.vigil.adapters.transport.SupervisedConnection;
import org.vigil.adapters.transport.SupervisionSettings;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceReport;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * HL7 PCD-01, PCD-04 and PCD-10 over MLLP on one supervised byte transport: a monitor or gateway that emits HL7 on
 * its RS-232 port, the terminal server that port is wired to, or a TCP port the device dials into (docs/PROTOCOLS.md §1
 * and "any protocol must run over any byte transport"). Messages take the same path as on the {@link Hl7Listener}
 * ({@link Hl7Pipeline}): each is handed to the sink, and its acknowledgement goes back on the same transport only
 * once the sink has stored it (docs/DESIGN.md, principle 3), in arrival order; a bad message is answered AE or AR with
 * the reason and the line goes on.
 *
 * <p>The {@link SupervisedConnection} underneath reconnects and reports to the link's listener: connected,
 * disconnected, silent (no complete MLLP frame for the silence timeout), recovered, and framing failures. The
 * listener's {@code received} is told of every report after the sink stored it, for information: the link has
 * recorded it already. An acknowledgement whose message is stored after the line dropped goes out on the new
 * connection if there is one, else it is lost; the sender sends the message again and the sink recognises it as
 * a duplicate.
 *
 * <p>Build one with {@link Hl7Links}.
 */
public final class Hl7Link implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hl7Link.class);

    private final String name;
    private final Optional<DeviceId> expectedDevice;
    private final DeviceReportSink sink;
    private final ConnectionListener<? super DeviceReport> listener;
    private final Clock clock;
    private final Hl7Counters messages = new Hl7Counters();
    private final SupervisedConnection<MllpEvent> connection;
    private final Set<DeviceId> otherDevicesSeen = new HashSet<>();
    private Hl7Pipeline pipeline;
    private boolean open;

    Hl7Link(String name, Optional<DeviceId> expectedDevice, int maxFrameBytes, ByteTransport transport,
            DeviceReportSink sink, ConnectionListener<? super DeviceReport> listener, SupervisionSettings supervision,
            Vertx vertx, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.expectedDevice = Objects.requireNonNull(expectedDevice, "expected device");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connection = new SupervisedConnection<>(name, transport, new Hl7Codec(maxFrameBytes, messages, name),
                new Supervision(), supervision, vertx, clock);
    }

    public String name() {
        return name;
    }

    /** The device this line was configured for, if it carries one device only. */
    public Optional<DeviceId> expectedDevice() {
        return expectedDevice;
    }

    /** Opens the transport; the silence timeout counts from now. */
    public void start() {
        connection.start();
    }

    /** Closes the transport; acknowledgements still pending are not sent. */
    public void stop() {
        connection.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** The line's and the messages' counts; may be called from any thread. */
    public Hl7LinkCounters counters() {
        return new Hl7LinkCounters(connection.counters(), messages);
    }

    private Hl7Pipeline pipeline() {
        if (pipeline == null) {
            Context context = Objects.requireNonNull(Vertx.currentContext(), "called off the connection's context");
            pipeline = new Hl7Pipeline(context, connection::write, name, sink, messages, clock, this::stored);
        }
        return pipeline;
    }

    private void stored(DeviceReport report) {
        DeviceId device = report.deviceId();
        if (expectedDevice.isPresent() && !expectedDevice.get().equals(device) && otherDevicesSeen.add(device)) {
            log.warn("{}: messages about device {} arrive on the line configured for {}", name, device.value(),
                    expectedDevice.get().value());
        }
        listener.received(report, report.receivedAt());
    }

    /** Everything the supervised connection reports, on its context. */
    private final class Supervision implements ConnectionListener<MllpEvent> {

        @Override
        public void received(MllpEvent frame, Instant receivedAt) {
            pipeline().accept(frame, receivedAt);
        }

        @Override
        public void connected(String detail, Instant at) {
            if (!open) {
                open = true;
                messages.connectionOpened();
            }
            listener.connected(detail, at);
        }

        @Override
        public void disconnected(String reason, Instant at) {
            if (open) {
                open = false;
                messages.connectionClosed();
            }
            listener.disconnected(reason, at);
        }

        @Override
        public void silent(Instant silentSince, Instant at) {
            listener.silent(silentSince, at);
        }

        @Override
        public void recovered(Instant silentSince, Instant at) {
            listener.recovered(silentSince, at);
        }

        @Override
        public void decodeFailed(String reason, Instant at) {
            listener.decodeFailed(reason, at);
        }
    }
}
