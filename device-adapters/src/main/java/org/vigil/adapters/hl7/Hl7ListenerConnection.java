package org.vigil.adapters.hl7;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.adapters.hl7.wire.MllpEvent;
import org.vigil.adapters.hl7.wire.MllpFramer;
import org.vigil.adapters.ingest.DeviceReportSink;
import org.vigil.adapters.ingest.SenderFence;

import java.time.Clock;
import java.time.Instant;

/**
 * One gateway connection to the {@link Hl7Listener}: the socket's bytes go through a framer into the shared
 * {@link Hl7Pipeline}, whose acknowledgements go back on the socket. The socket is paused while the pipeline's
 * backlog is long, so a gateway that floods is slowed down by TCP rather than buffered without bound.
 */
final class Hl7ListenerConnection {

    private static final Logger log = LoggerFactory.getLogger(Hl7ListenerConnection.class);

    private final NetSocket socket;
    private final Hl7Counters counters;
    private final Clock clock;
    private final MllpFramer framer;
    private final Hl7Pipeline pipeline;
    private final String remote;
    private final MllpConnectionGuard.Admitted admitted;

    Hl7ListenerConnection(NetSocket socket, Context context, int maxFrameBytes, DeviceReportSink sink,
                          SenderFence fence, Hl7Counters counters, Clock clock,
                          MllpConnectionGuard.Admitted admitted) {
        this.socket = socket;
        this.admitted = admitted;
        this.counters = counters;
        this.clock = clock;
        this.framer = new MllpFramer(maxFrameBytes);
        this.remote = String.valueOf(socket.remoteAddress());
        String source = socket.remoteAddress() == null ? "" : socket.remoteAddress().hostAddress();
        this.pipeline = new Hl7Pipeline(context, new SocketLine(), remote, source, fence, sink, counters, clock,
                report -> { });
    }

    void start() {
        counters.connectionOpened();
        log.info("HL7 gateway connected from {}", remote);
        socket.handler(this::onBytes);
        socket.exceptionHandler(e -> log.warn("HL7 connection from {} failed: {}", remote, e.toString()));
        socket.closeHandler(ignored -> {
            admitted.closed();
            counters.connectionClosed();
            log.info("HL7 gateway from {} disconnected", remote);
        });
    }

    private void onBytes(Buffer bytes) {
        Instant receivedAt = clock.instant();
        for (MllpEvent event : framer.push(bytes.getBytes())) {
            if (event instanceof MllpEvent.Frame || event instanceof MllpEvent.Oversized) {
                admitted.messageReceived();
            }
            pipeline.accept(event, receivedAt);
        }
    }

    private final class SocketLine implements Hl7Pipeline.Line {

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
