package org.vigil.query.links;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vigil.adapters.hl7.Hl7Link;
import org.vigil.adapters.hl7.Hl7Links;
import org.vigil.adapters.hl7.Hl7Nak;
import org.vigil.adapters.ingest.DeviceReportSink;
import org.vigil.adapters.pump.PumpCodec;
import org.vigil.adapters.transport.ByteTransport;
import org.vigil.adapters.transport.CodecStream;
import org.vigil.adapters.transport.ConnectionListener;
import org.vigil.adapters.transport.ConnectionCounters;
import org.vigil.adapters.transport.SupervisedConnection;
import org.vigil.adapters.transport.SupervisionSettings;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.leadership.LeaderDuty;
import org.vigil.query.leadership.Leadership;
import org.vigil.query.settings.DeviceBindings;
import org.vigil.query.settings.VigilProperties.DeviceEntry;

/**
 * One supervised connection per device Vigil reaches itself (serial port, terminal server, own TCP port): the
 * configured protocol's codec on the configured transport. What a device reports is recorded like any gateway
 * message; what its link does is recorded on the device. Only the active node opens them ({@link LeaderDuty}).
 */
@Component
public class DeviceConnections implements LeaderDuty {

    private static final Logger log = LoggerFactory.getLogger(DeviceConnections.class);

    private final DeviceBindings bindings;
    private final DeviceLinkFactory links;
    private final DeviceReportSink ingest;
    private final DeviceSupervisor supervisor;
    private final SupervisionSettings supervision;
    private final Vertx vertx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Leadership leadership;
    private final Map<DeviceId, DeviceLink> connections = new ConcurrentHashMap<>();
    private final Map<DeviceId, PumpCodec> pumps = new ConcurrentHashMap<>();
    private volatile boolean running;

    DeviceConnections(DeviceBindings bindings, DeviceLinkFactory links, DeviceReportSink ingest,
                      DeviceSupervisor supervisor, ClinicProtocol protocol, Vertx vertx, Clock clock,
                      MeterRegistry meters, Leadership leadership) {
        this.leadership = leadership;
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
            DeviceLink link;
            if ("hl7-mllp".equals(entry.protocol())) {
                link = hl7(device, transport);
            } else {
                CodecStream<? extends DeviceReport> codec = links.codec(entry);
                if (codec instanceof PumpCodec pump) {
                    pumps.put(device, pump);
                }
                link = supervised(device, transport, codec);
            }
            connections.put(device, link);
            registerMetrics(entry.id(), link);
            link.start().run();
            log.info("Device {} ({}) on {}", entry.id(), entry.protocol(), link.description());
        }
        running = true;
    }

    /** HL7 on a line of its own: the link stores each message and acknowledges it after the commit. */
    private DeviceLink hl7(DeviceId device, ByteTransport transport) {
        Hl7Link link = Hl7Links.supervised(device, transport, ingest, new LinkEvents<>(device, transport), supervision,
                vertx, clock);
        return new DeviceLink(transport.description(), link::start, link::stop, () -> {
            ConnectionCounters connection = link.counters().connection();
            return new LinkCounters(link.counters().framesReceived(), link.counters().decodeFailures(),
                    connection.reconnects(), link.counters().messages().lastNaks().values().stream()
                            .max(Comparator.comparing(Hl7Nak::at)).orElse(null));
        });
    }

    /** A codec that decodes on the connection: each result is recorded as it arrives. */
    private <R extends DeviceReport> DeviceLink supervised(DeviceId device, ByteTransport transport,
                                                           CodecStream<R> codec) {
        SupervisedConnection<R> connection = new SupervisedConnection<>(device.value(), transport, codec,
                new Recording<>(device, transport), supervision, vertx, clock);
        return new DeviceLink(transport.description(), connection::start, connection::stop, () -> {
            ConnectionCounters stats = connection.counters();
            return new LinkCounters(stats.framesOk(), stats.decodeFailures(), stats.reconnects(), null);
        });
    }

    /**
     * Asks a pump on a link of its own to pause (the pump interlock, docs/DOMAIN.md): the codec sends it at its next
     * tick if the link is up.
     *
     * @return whether the device has a link that can carry a pause; a pump behind HL7 has none
     */
    public boolean pausePump(DeviceId device) {
        PumpCodec pump = pumps.get(device);
        if (pump == null) {
            return false;
        }
        pump.requestPause();
        return true;
    }

    /** With leadership configured, only when this node takes the lease. */
    @Override
    public boolean isAutoStartup() {
        return !leadership.isElected();
    }

    @Override
    public void stop() {
        running = false;
        pumps.clear();
        List<DeviceLink> open = new ArrayList<>(connections.values());
        connections.clear();
        open.forEach(link -> link.stop().run());
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

    public Map<DeviceId, LinkCounters> counters() {
        Map<DeviceId, LinkCounters> all = new ConcurrentHashMap<>();
        connections.forEach((id, link) -> all.put(id, link.counters().get()));
        return all;
    }

    private void registerMetrics(String device, DeviceLink link) {
        FunctionCounter.builder("vigil.device.decode.failures", link, l -> l.counters().get().decodeFailures())
                .tag("device", device).description("frames from the device that could not be decoded")
                .register(meters);
        FunctionCounter.builder("vigil.device.frames", link, l -> l.counters().get().framesOk())
                .tag("device", device).register(meters);
        FunctionCounter.builder("vigil.device.reconnects", link, l -> l.counters().get().reconnects())
                .tag("device", device).register(meters);
    }

    /** What a device's link does, recorded on the device. */
    private class LinkEvents<R> implements ConnectionListener<R> {
        final DeviceId device;
        final String transport;

        LinkEvents(DeviceId device, ByteTransport transport) {
            this.device = device;
            this.transport = transport.description();
        }

        @Override
        public void received(R report, Instant receivedAt) {
            // HL7 links store their reports themselves, before they acknowledge them
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

    /** Link events, and every decoded report recorded. */
    private final class Recording<R extends DeviceReport> extends LinkEvents<R> {

        Recording(DeviceId device, ByteTransport transport) {
            super(device, transport);
        }

        @Override
        public void received(R report, Instant receivedAt) {
            ingest.record(report).whenComplete((outcome, failure) -> {
                if (failure != null) {
                    log.warn("Report from {} not stored: {}", device, failure.getMessage());
                }
            });
        }
    }
}
