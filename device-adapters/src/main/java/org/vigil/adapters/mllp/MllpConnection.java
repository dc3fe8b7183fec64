package org.vigil.adapters.mllp;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.adapters.ingest.DeviceReportSink;
import org.vigil.adapters.ingest.RecordOutcome;
import org.vigil.adapters.protocol.hl7.AckBuilder;
import org.vigil.adapters.protocol.hl7.AckCode;
import org.vigil.adapters.protocol.hl7.Hl7DecodeResult;
import org.vigil.adapters.protocol.hl7.Hl7ErrorCode;
import org.vigil.adapters.protocol.hl7.Hl7Failure;
import org.vigil.adapters.protocol.hl7.Hl7Header;
import org.vigil.adapters.protocol.hl7.Hl7MapResult;
import org.vigil.adapters.protocol.hl7.Pcd01Decoder;
import org.vigil.adapters.protocol.hl7.Pcd01Mapper;
import org.vigil.adapters.protocol.mllp.Mllp;
import org.vigil.adapters.protocol.mllp.MllpEvent;
import org.vigil.adapters.protocol.mllp.MllpFramer;
import org.vigil.core.api.DeviceObservations;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * One gateway connection: framer → decoder → mapper → sink → acknowledgement, one message at a time and in
 * the order the messages arrived, so acknowledgements go back in that order (HL7 original acknowledgement
 * mode). The acknowledgement is written only when the sink's stage completes, that is after the commit
 * (DESIGN.md, principle 3). Parsing runs on a worker thread and the sink's stage is awaited without
 * blocking, so the event loop never waits. A bad message is answered with AE or AR and the connection goes
 * on. When too many messages wait, reading pauses until the backlog drains.
 */
final class MllpConnection {

    private static final Logger log = LoggerFactory.getLogger(MllpConnection.class);
    private static final int PAUSE_ABOVE = 32;
    private static final int RESUME_AT = 8;

    private final NetSocket socket;
    private final Context context;
    private final DeviceReportSink sink;
    private final MllpStatistics statistics;
    private final Clock clock;
    private final MllpFramer framer;
    private final Pcd01Decoder decoder = new Pcd01Decoder();
    private final Pcd01Mapper mapper;
    private final AckBuilder acks;
    private final String remote;

    private Future<Void> tail = Future.succeededFuture();
    private int waiting;
    private boolean paused;

    MllpConnection(NetSocket socket, Context context, int maxFrameBytes, DeviceReportSink sink,
                   MllpStatistics statistics, Clock clock) {
        this.socket = socket;
        this.context = context;
        this.sink = sink;
        this.statistics = statistics;
        this.clock = clock;
        this.framer = new MllpFramer(maxFrameBytes);
        this.mapper = new Pcd01Mapper(clock);
        this.acks = new AckBuilder(clock);
        this.remote = String.valueOf(socket.remoteAddress());
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
            if (event instanceof MllpEvent.Frame frame) {
                statistics.frameReceived();
                byte[] payload = frame.payload();
                enqueue(() -> process(payload, receivedAt));
            } else if (event instanceof MllpEvent.Skipped skipped) {
                statistics.bytesSkipped(skipped.bytes());
                log.debug("skipped {} bytes outside MLLP frames from {}", skipped.bytes(), remote);
            } else if (event instanceof MllpEvent.Oversized oversized) {
                onOversized(oversized);
            } else if (event instanceof MllpEvent.Truncated truncated) {
                statistics.frameTruncated();
                log.warn("dropped an unterminated MLLP frame of {} bytes from {}: a new frame began first",
                        truncated.bytes(), remote);
            }
        }
    }

    private void onOversized(MllpEvent.Oversized oversized) {
        statistics.frameOversized();
        Hl7Header header = Hl7Header.peek(new String(oversized.head(), StandardCharsets.UTF_8))
                .orElse(Hl7Header.unknown());
        String reason = "the message is longer than " + oversized.limit() + " bytes and was dropped";
        log.warn("dropped an MLLP frame from {} (control id '{}'): longer than {} bytes",
                remote, header.controlId(), oversized.limit());
        enqueue(() -> Future.succeededFuture(negative(header, Hl7Failure.reject(Hl7ErrorCode.VALUE_TOO_LONG, reason))));
    }

    private void enqueue(Supplier<Future<Ack>> step) {
        waiting++;
        if (waiting > PAUSE_ABOVE && !paused) {
            paused = true;
            socket.pause();
        }
        tail = tail.transform(ignored -> safely(step)).map(ack -> {
            write(ack);
            return (Void) null;
        }).onComplete(ignored -> {
            waiting--;
            if (paused && waiting <= RESUME_AT) {
                paused = false;
                socket.resume();
            }
        });
    }

    private Future<Ack> safely(Supplier<Future<Ack>> step) {
        try {
            return step.get().recover(e -> Future.succeededFuture(internalError(e)));
        } catch (RuntimeException e) {
            return Future.succeededFuture(internalError(e));
        }
    }

    private Future<Ack> process(byte[] payload, Instant receivedAt) {
        return context.<Prepared>executeBlocking(() -> prepare(payload, receivedAt), false)
                .compose(prepared -> prepared.observations() == null
                        ? Future.succeededFuture(prepared.ack())
                        : store(prepared.header(), prepared.observations()));
    }

    private Prepared prepare(byte[] payload, Instant receivedAt) {
        Hl7DecodeResult decoded = decoder.decode(payload);
        if (decoded instanceof Hl7DecodeResult.Failed failed) {
            statistics.decodeFailed();
            log.warn("rejected HL7 message from {} (control id '{}'): {}",
                    remote, failed.header().controlId(), failed.failure().reason());
            return Prepared.answer(negative(failed.header(), failed.failure()));
        }
        Hl7DecodeResult.Decoded message = (Hl7DecodeResult.Decoded) decoded;
        Hl7MapResult mapped = mapper.map(message, receivedAt);
        if (mapped instanceof Hl7MapResult.Failed failed) {
            statistics.mappingFailed();
            log.warn("HL7 message from {} (control id '{}') has no usable observation: {}",
                    remote, message.header().controlId(), failed.failure().reason());
            return Prepared.answer(negative(message.header(), failed.failure()));
        }
        return Prepared.toStore(message.header(), ((Hl7MapResult.Mapped) mapped).observations());
    }

    private Future<Ack> store(Hl7Header header, DeviceObservations observations) {
        return Future.fromCompletionStage(record(observations), context).transform(result -> {
            if (result.succeeded() && result.result() != null) {
                statistics.stored(observations.deviceId(), observations.receivedAt(),
                        result.result() == RecordOutcome.DUPLICATE);
                return Future.succeededFuture(new Ack(AckCode.AA, acks.accept(header)));
            }
            statistics.storeFailed();
            String cause = result.succeeded() ? "the store gave no outcome" : describe(result.cause());
            log.warn("HL7 message {} from {} was not stored: {}", observations.messageKey(), remote, cause);
            return Future.succeededFuture(negative(header, Hl7Failure.error(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR,
                    "the observations were not stored: " + cause)));
        });
    }

    private CompletionStage<RecordOutcome> record(DeviceObservations observations) {
        try {
            CompletionStage<RecordOutcome> stage = sink.record(observations);
            return stage != null ? stage
                    : CompletableFuture.failedFuture(new IllegalStateException("the store returned no result"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Ack negative(Hl7Header header, Hl7Failure failure) {
        return new Ack(failure.ack(), acks.reject(header, failure));
    }

    private Ack internalError(Throwable e) {
        log.error("HL7 message from {} could not be processed", remote, e);
        return negative(Hl7Header.unknown(), Hl7Failure.error(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR,
                "the message could not be processed: " + describe(e)));
    }

    private void write(Ack ack) {
        statistics.ackSent(ack.code());
        socket.write(Buffer.buffer(Mllp.wrap(ack.text())))
                .onFailure(e -> log.debug("could not send an acknowledgement to {}: {}", remote, e.toString()));
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private record Ack(AckCode code, String text) {
    }

    /** Either an answer ready to send, or observations to store first. */
    private record Prepared(Hl7Header header, DeviceObservations observations, Ack ack) {
        static Prepared answer(Ack ack) {
            return new Prepared(null, null, ack);
        }

        static Prepared toStore(Hl7Header header, DeviceObservations observations) {
            return new Prepared(header, observations, null);
        }
    }
}
