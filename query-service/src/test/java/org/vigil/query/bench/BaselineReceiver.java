package org.vigil.query.bench;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.adapters.ingest.DeviceReportSink;
import org.vigil.adapters.ingest.RecordOutcome;
import org.vigil.adapters.hl7.Hl7Listener;
import org.vigil.adapters.hl7.Hl7ListenerSettings;
import org.vigil.adapters.hl7.MllpConnectionLimits;

/**
 * The baseline every Vigil figure is divided by: the device adapters' own MLLP listener — framing, HAPI
 * decoding, mapping and the ACK — in front of a sink that takes each report as stored at once. What Vigil adds
 * on top (the command, the Session aggregate, the event store commit, the alarm decisions and the live view)
 * is what the ratio shows.
 */
final class BaselineReceiver implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicLong reports = new AtomicLong();
    private final Hl7Listener listener;
    private final int port;

    BaselineReceiver() {
        DeviceReportSink immediate = report -> {
            reports.incrementAndGet();
            return CompletableFuture.completedFuture(RecordOutcome.RECORDED);
        };
        // every load connection comes from loopback: the same limits as the benchmark gives Vigil (BenchVigil)
        MllpConnectionLimits limits = new MllpConnectionLimits(MllpConnectionLimits.DEFAULT_MAX_CONNECTIONS, 256,
                MllpConnectionLimits.DEFAULT_IDLE_TIMEOUT);
        listener = new Hl7Listener(vertx, Hl7ListenerSettings.of("127.0.0.1", 0), limits, Optional.empty(), immediate,
                Clock.systemUTC());
        port = listener.start().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    int port() {
        return port;
    }

    long reports() {
        return reports.get();
    }

    @Override
    public void close() {
        listener.stop().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
