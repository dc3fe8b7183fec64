package org.vigil.query.devices;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.vigil.adapters.transport.ByteTransport;
import org.vigil.adapters.transport.CodecSession;
import org.vigil.adapters.transport.ConnectionListener;
import org.vigil.adapters.transport.ConnectionStatistics;
import org.vigil.adapters.transport.SupervisedConnection;
import org.vigil.adapters.transport.SupervisionSettings;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.config.DeviceBindings;
import org.vigil.query.config.VigilProperties.DeviceEntry;
import org.vigil.query.ingest.ReportIngest;

/**
 * One supervised connection per device Vigil reaches itself (serial port, terminal server, own TCP port): the
 * configured protocol's codec on the configured transport. What a device reports is recorded like any gateway
 * message; what its link does is recorded on the device.
 */
@Component
public class DeviceConnections implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeviceConnections.class);

    private final DeviceBindings bindings;
    private final DeviceLinkFactory links;
    private final ReportIngest ingest;
    private final DeviceSupervisor supervisor;
    private final SupervisionSettings supervision;
    private final Vertx vertx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<DeviceId, SupervisedConnection<?>> connections = new ConcurrentHashMap<>();
    private volatile boolean running;

    DeviceConnections(DeviceBindings bindings, DeviceLinkFactory links, ReportIngest ingest,
                      DeviceSupervisor supervisor, ClinicProtocol protocol, Vertx vertx, Clock clock,
                      MeterRegistry meters) {
        this.bindings = bindings;
        this.links = links;
        this.ingest = ingest;
        this.supervisor = supervisor;
        this.supervision = SupervisionSettings.defaults()
                .withSilenceTimeout(protocol.supervision().deviceSilentAfter());
        this.vertx = vertx;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void start() {
        for (DeviceEntry entry : bindings.linkedDevices()) {
            DeviceId device = new DeviceId(entry.id());
            ByteTransport transport = links.transport(entry);
            SupervisedConnection<?> connection = connect(entry, device, transport, links.codec(entry));
            connections.put(device, connection);
            registerMetrics(entry.id(), connection);
            connection.start();
            log.info("Device {} ({}) on {}", entry.id(), entry.protocol(), transport.description());
        }
        running = true;
    }

    private <R extends DeviceReport> SupervisedConnection<R> connect(DeviceEntry entry, DeviceId device,
                                                                     ByteTransport transport, CodecSession<R> codec) {
        return new SupervisedConnection<>(entry.id(), transport, codec, new Listener<>(device, transport.description()),
                supervision, vertx, clock);
    }

    @Override
    public void stop() {
        running = false;
        List<SupervisedConnection<?>> open = new ArrayList<>(connections.values());
        connections.clear();
        open.forEach(SupervisedConnection::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** With the MLLP listener: after the read models and processors, before the demo. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void registerMetrics(String device, SupervisedConnection<?> connection) {
        FunctionCounter.builder("vigil.device.decode.failures", connection, c -> c.statistics().decodeFailures())
                .tag("device", device).description("frames from the device that could not be decoded")
                .register(meters);
        FunctionCounter.builder("vigil.device.frames", connection, c -> c.statistics().framesOk())
                .tag("device", device).register(meters);
        FunctionCounter.builder("vigil.device.reconnects", connection, c -> c.statistics().reconnects())
                .tag("device", device).register(meters);
    }

    public Optional<ConnectionStatistics> statistics(DeviceId device) {
        return Optional.ofNullable(connections.get(device)).map(SupervisedConnection::statistics);
    }

    public Map<DeviceId, ConnectionStatistics> statistics() {
        Map<DeviceId, ConnectionStatistics> all = new ConcurrentHashMap<>();
        connections.forEach((id, connection) -> all.put(id, connection.statistics()));
        return all;
    }

    private final class Listener<R extends DeviceReport> implements ConnectionListener<R> {
        private final DeviceId device;
        private final String transport;

        Listener(DeviceId device, String transport) {
            this.device = device;
            this.transport = transport;
        }

        @Override
        public void received(R report, Instant receivedAt) {
            ingest.record(report).whenComplete((outcome, failure) -> {
                if (failure != null) {
                    log.warn("Report from {} not stored: {}", device, failure.getMessage());
                }
            });
        }

        @Override
        public void connected(String detail, Instant at) {
            supervisor.connected(device, transport, at);
        }

        @Override
        public void disconnected(String reason, Instant at) {
            supervisor.disconnected(device, reason, at);
        }

        @Override
        public void silent(Instant silentSince, Instant at) {
            supervisor.silent(device, silentSince, at);
        }
    }
}
