package org.vigil.query.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;
import org.vigil.adapters.hl7.Hl7Counters;
import org.vigil.adapters.hl7.Hl7Listener;
import org.vigil.adapters.hl7.Hl7ListenerSettings;
import org.vigil.adapters.hl7.MllpConnectionGuard;
import org.vigil.adapters.hl7.MllpConnectionLimits;
import org.vigil.adapters.ingest.SenderFence;
import org.vigil.query.leadership.LeaderDuty;
import org.vigil.query.leadership.Leadership;
import org.vigil.query.settings.MllpConnectionProperties;
import org.vigil.query.settings.VigilProperties;

/**
 * The MLLP listener HL7 gateways connect to. It opens last, once the read models are rebuilt and the event
 * processors run, and closes first, so no message is acknowledged that the application could not store. It speaks
 * TLS when {@code vigil.mllp.tls.enabled} is set, and holds no more connections than {@code vigil.mllp.connections}.
 * Only the active node listens ({@link LeaderDuty}).
 */
@Component
@ConditionalOnProperty(name = "vigil.mllp.enabled", havingValue = "true", matchIfMissing = true)
public class MllpGateway implements LeaderDuty {

    private final Hl7Listener listener;
    private final Leadership leadership;
    private volatile boolean running;

    MllpGateway(Vertx vertx, VigilProperties properties, ReportIngest ingest, SenderFence fence, Clock clock,
                MeterRegistry meters, SslBundles sslBundles, Leadership leadership) {
        this.leadership = leadership;
        VigilProperties.Mllp mllp = properties.mllp();
        MllpConnectionProperties connections = mllp.connections();
        this.listener = new Hl7Listener(vertx, new Hl7ListenerSettings(mllp.host(), mllp.port(),
                mllp.maxFrameBytes()), new MllpConnectionLimits(connections.max(), connections.perAddress(),
                connections.idleTimeout()), MllpTlsFromBundle.of(mllp.tls(), sslBundles), ingest, fence, clock);
        registerMetrics(meters, listener.counters());
        registerConnectionMetrics(meters, listener.connections());
    }

    @Override
    public void start() {
        listener.start().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        running = true;
    }

    /** With leadership configured, only when this node takes the lease. */
    @Override
    public boolean isAutoStartup() {
        return !leadership.isElected();
    }

    @Override
    public void stop() {
        running = false;
        listener.stop().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /** The bound port: the configured one, or the free port chosen when configured as 0. */
    public int port() {
        return listener.port();
    }

    public Hl7Counters counters() {
        return listener.counters();
    }

    private static void registerMetrics(MeterRegistry meters, Hl7Counters stats) {
        counter(meters, "vigil.mllp.frames", "received", stats, Hl7Counters::framesReceived);
        counter(meters, "vigil.mllp.frames", "oversized", stats, Hl7Counters::framesOversized);
        counter(meters, "vigil.mllp.frames", "truncated", stats, Hl7Counters::framesTruncated);
        counter(meters, "vigil.mllp.failures", "decode", stats, Hl7Counters::decodeFailures);
        counter(meters, "vigil.mllp.failures", "mapping", stats, Hl7Counters::mappingFailures);
        counter(meters, "vigil.mllp.failures", "store", stats, Hl7Counters::storeFailures);
        counter(meters, "vigil.mllp.acks", "AA", stats, Hl7Counters::acksAccepted);
        counter(meters, "vigil.mllp.acks", "AE", stats, Hl7Counters::acksError);
        counter(meters, "vigil.mllp.acks", "AR", stats, Hl7Counters::acksRejected);
        counter(meters, "vigil.mllp.messages", "recorded", stats, Hl7Counters::recorded);
        counter(meters, "vigil.mllp.messages", "duplicate", stats, Hl7Counters::duplicates);
        counter(meters, "vigil.mllp.messages", "quarantined", stats, Hl7Counters::quarantinedMessages);
        FunctionCounter.builder("vigil.mllp.bytes.skipped", stats, Hl7Counters::bytesSkipped)
                .description("bytes outside MLLP framing").register(meters);
        Gauge.builder("vigil.mllp.connections.open", stats, Hl7Counters::connectionsOpen).register(meters);
    }

    private static void registerConnectionMetrics(MeterRegistry meters, MllpConnectionGuard connections) {
        FunctionCounter.builder("vigil.mllp.connections.refused", connections, MllpConnectionGuard::refused)
                .description("connections closed at once because a cap was reached").register(meters);
        FunctionCounter.builder("vigil.mllp.connections.idle.closed", connections, MllpConnectionGuard::closedIdle)
                .description("connections closed for completing no message within the idle timeout")
                .register(meters);
    }

    private static void counter(MeterRegistry meters, String name, String kind, Hl7Counters stats,
                                ToDoubleFunction<Hl7Counters> value) {
        FunctionCounter.builder(name, stats, value).tag("kind", kind).register(meters);
    }
}
