package org.vigil.query.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.vigil.adapters.mllp.MllpListener;
import org.vigil.adapters.mllp.MllpListenerSettings;
import org.vigil.adapters.mllp.MllpStatistics;
import org.vigil.query.settings.VigilProperties;

/**
 * The MLLP listener HL7 gateways connect to. It opens last, once the read models are rebuilt and the event
 * processors run, and closes first, so no message is acknowledged that the application could not store.
 */
@Component
@ConditionalOnProperty(name = "vigil.mllp.enabled", havingValue = "true", matchIfMissing = true)
public class MllpGateway implements SmartLifecycle {

    private final MllpListener listener;
    private volatile boolean running;

    MllpGateway(Vertx vertx, VigilProperties properties, ReportIngest ingest, Clock clock,
                MeterRegistry meters) {
        VigilProperties.Mllp mllp = properties.mllp();
        this.listener = new MllpListener(vertx, new MllpListenerSettings(mllp.host(), mllp.port(),
                mllp.maxFrameBytes()), ingest, clock);
        registerMetrics(meters, listener.statistics());
    }

    @Override
    public void start() {
        listener.start().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        running = true;
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

    public MllpStatistics statistics() {
        return listener.statistics();
    }

    private static void registerMetrics(MeterRegistry meters, MllpStatistics stats) {
        counter(meters, "vigil.mllp.frames", "received", stats, MllpStatistics::framesReceived);
        counter(meters, "vigil.mllp.frames", "oversized", stats, MllpStatistics::framesOversized);
        counter(meters, "vigil.mllp.frames", "truncated", stats, MllpStatistics::framesTruncated);
        counter(meters, "vigil.mllp.failures", "decode", stats, MllpStatistics::decodeFailures);
        counter(meters, "vigil.mllp.failures", "mapping", stats, MllpStatistics::mappingFailures);
        counter(meters, "vigil.mllp.failures", "store", stats, MllpStatistics::storeFailures);
        counter(meters, "vigil.mllp.acks", "AA", stats, MllpStatistics::acksAccepted);
        counter(meters, "vigil.mllp.acks", "AE", stats, MllpStatistics::acksError);
        counter(meters, "vigil.mllp.acks", "AR", stats, MllpStatistics::acksRejected);
        counter(meters, "vigil.mllp.messages", "recorded", stats, MllpStatistics::recorded);
        counter(meters, "vigil.mllp.messages", "duplicate", stats, MllpStatistics::duplicates);
        FunctionCounter.builder("vigil.mllp.bytes.skipped", stats, MllpStatistics::bytesSkipped)
                .description("bytes outside MLLP framing").register(meters);
        Gauge.builder("vigil.mllp.connections.open", stats, MllpStatistics::connectionsOpen).register(meters);
    }

    private static void counter(MeterRegistry meters, String name, String kind, MllpStatistics stats,
                                ToDoubleFunction<MllpStatistics> value) {
        FunctionCounter.builder(name, stats, value).tag("kind", kind).register(meters);
    }
}
