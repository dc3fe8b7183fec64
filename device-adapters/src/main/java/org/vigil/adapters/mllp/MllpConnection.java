package org.vigil.adapters.mllp;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.adapters.ingest.DeviceReportSink;
import org.vigil.adapters.protocol.mllp.MllpEvent;
import org.vigil.adapters.protocol.mllp.MllpFramer;

import java.time.Clock;
import java.time.Instant;

/**
 * One gateway connection to the {@link MllpListener}: the socket's bytes go through a framer into the shared
 * {@link MllpPipeline}, whose acknowledgements go back on the socket. The socket is paused while the pipeline's
 * backlog is long, so a gateway that floods is slowed down by TCP rather than buffered without bound.
 */
final class MllpConnection {

    private static final Logger log = LoggerFactory.getLogger(MllpConnection.class);

    private final NetSocket socket;
    private final MllpStatistics statistics;
    private final Clock clock;
    private final MllpFramer framer;
    private final MllpPipeline pipeline;
    private final String remote;

    MllpConnection(NetSocket socket, Context context, int maxFrameBytes, DeviceReportSink sink,
                   MllpStatistics statistics, Clock clock) {
        this.socket = socket;
        this.statistics = statistics;
        this.clock = clock;
        this.framer = new MllpFramer(maxFrameBytes);
        this.remote = String.valueOf(socket.remoteAddress());
        this.pipeline = new MllpPipeline(context, new SocketLine(), remote, sink, statistics, clock, report -> { });
    }

    void start() {
        statistics.connectionOpened();
        log.info("HL7 gateway connected from {}", remote);
        socket.handler(this::onBytes);
        socket.exceptionHandler(e -> log.warn("HL7 connection from {} failed: {}", remote, e.toString()));
        socket.closeHandler(ignored -> {
            statistics.connectionClosed();
            log.info("HL7 gateway from {} disconnected", remote);
        });
    }

    private void onBytes(Buffer bytes) {
        Instant receivedAt = clock.instant();
        for (MllpEvent event : framer.push(bytes.getBytes())) {
            pipeline.accept(event, receivedAt);
        }
    }

    private final class SocketLine implements MllpPipeline.Line {

        @Override
        public void write(byte[] block) {
            socket.write(Buffer.buffer(block))
                    .onFailure(e -> log.debug("could not send an acknowledgement to {}: {}", remote, e.toString()));
        }

        @Override
        public void pause() {
            socket.pause();
        }

        @Override
        public void resume() {
            socket.resume();
        }
    }
}
