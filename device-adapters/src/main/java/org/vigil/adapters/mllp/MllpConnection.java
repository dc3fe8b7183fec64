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
import org.vigil.adapters.protocol.hl7.PcdDecoder;
import org.vigil.adapters.protocol.hl7.PcdMapper;
import org.vigil.adapters.protocol.mllp.Mllp;
import org.vigil.adapters.protocol.mllp.MllpEvent;
import org.vigil.adapters.protocol.mllp.MllpFramer;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.PumpReport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * One gateway connection: framer → decoder → mapper → sink → acknowledgement, one message at a time and in
 * the order the messages arrived, so acknowledgements go back in that order (HL7 original acknowledgement
 * mode). PCD-01 observations, PCD-04 alarms and PCD-10 pump events take the same path; each is answered
 * with an {@code ACK} whose MSH-9 names the message's trigger event ({@code ACK^R40^ACK}). The
 * acknowledgement is written only when the sink's stage completes, that is after the commit
 * (DESIGN.md, principle 3); a message that gives two reports (a PCD-01 message with a monitor and a pump)
 * is accepted when both are stored, one after the other. Parsing runs on a worker thread and the sink's stage is awaited without
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
    private final PcdDecoder decoder = new PcdDecoder();
    private final PcdMapper mapper;
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
        this.mapper = new PcdMapper(clock);
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
                .compose(prepared -> prepared.reports() == null
                        ? Future.succeededFuture(prepared.ack())
                        : store(prepared.header(), prepared.reports()));
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
            log.warn("HL7 message from {} (control id '{}') has nothing to record: {}",
                    remote, message.header().controlId(), failed.failure().reason());
            return Prepared.answer(negative(message.header(), failed.failure()));
        }
        Hl7MapResult.Mapped reports = (Hl7MapResult.Mapped) mapped;
        for (String warning : reports.warnings()) {
            log.warn("HL7 message from {} (control id '{}'): {}", remote, message.header().controlId(), warning);
        }
        return Prepared.toStore(message.header(), reports.reports());
    }

    private Future<Ack> store(Hl7Header header, List<DeviceReport> reports) {
        Future<Void> stored = Future.succeededFuture();
        for (DeviceReport report : reports) {
            stored = stored.compose(ignored -> storeOne(report));
        }
        return stored.transform(result -> Future.succeededFuture(result.succeeded()
                ? new Ack(AckCode.AA, acks.accept(header))
                : negative(header, Hl7Failure.error(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR, result.cause().getMessage()))));
    }

    private Future<Void> storeOne(DeviceReport report) {
        return Future.fromCompletionStage(record(report), context).transform(result -> {
            if (result.succeeded() && result.result() != null) {
                statistics.stored(report.deviceId(), report.receivedAt(), result.result() == RecordOutcome.DUPLICATE);
                return Future.succeededFuture();
            }
            statistics.storeFailed();
            String cause = result.succeeded() ? "the store gave no outcome" : describe(result.cause());
            log.warn("HL7 message {} from {} was not stored: {}", report.messageKey(), remote, cause);
            return Future.failedFuture(new StoreFailure(notStored(report) + ": " + cause));
        });
    }

    private CompletionStage<RecordOutcome> record(DeviceReport report) {
        try {
            CompletionStage<RecordOutcome> stage = sink.record(report);
            return stage != null ? stage
                    : CompletableFuture.failedFuture(new IllegalStateException("the store returned no result"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static String notStored(DeviceReport report) {
        if (report instanceof PumpReport) {
            return "the pump report was not stored";
        }
        if (report instanceof DeviceAlarmReport) {
            return "the alarm was not stored";
        }
        return "the observations were not stored";
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

    /** Either an answer ready to send, or reports to store first. */
    private record Prepared(Hl7Header header, List<DeviceReport> reports, Ack ack) {
        static Prepared answer(Ack ack) {
            return new Prepared(null, null, ack);
        }

        static Prepared toStore(Hl7Header header, List<DeviceReport> reports) {
            return new Prepared(header, reports, null);
        }
    }

    /** A report the sink did not store; its message is the reason the gateway reads in ERR-8. */
    private static final class StoreFailure extends RuntimeException {
        StoreFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
