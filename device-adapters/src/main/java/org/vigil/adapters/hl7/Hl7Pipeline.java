package org.vigil.adapters.hl7;

import io.vertx.core.Context;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.adapters.hl7.wire.AckBuilder;
import org.vigil.adapters.hl7.wire.AckCode;
import org.vigil.adapters.hl7.wire.Hl7DecodeResult;
import org.vigil.adapters.hl7.wire.Hl7ErrorCode;
import org.vigil.adapters.hl7.wire.Hl7Failure;
import org.vigil.adapters.hl7.wire.Hl7Header;
import org.vigil.adapters.hl7.wire.Hl7MapResult;
import org.vigil.adapters.hl7.wire.Mllp;
import org.vigil.adapters.hl7.wire.MllpEvent;
import org.vigil.adapters.hl7.wire.PcdDecoder;
import org.vigil.adapters.hl7.wire.PcdMapper;
import org.vigil.adapters.hl7.wire.Redaction;
import org.vigil.adapters.ingest.DeviceReportSink;
import org.vigil.adapters.ingest.FenceVerdict;
import org.vigil.adapters.ingest.QuarantinedMessage;
import org.vigil.adapters.ingest.SenderFence;
import org.vigil.adapters.ingest.RecordOutcome;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.PumpReport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The message path of one MLLP byte stream, whatever carries it (a gateway's TCP connection to the listener, a
 * serial line, a terminal server): framed events in; decoder → mapper → sink → acknowledgement out, one message at a
 * time and in the order the messages arrived, so acknowledgements go back in that order (HL7 original
 * acknowledgement mode). PCD-01 observations, PCD-04 alarms and PCD-10 pump events take the same path; each is
 * answered with an {@code ACK} whose MSH-9 names the message's trigger event ({@code ACK^R40^ACK}). The
 * acknowledgement is written only when the sink's stage completes, that is after the commit (docs/DESIGN.md, principle
 * 3); a message that gives two reports (a PCD-01 message with a monitor and a pump) is accepted when both are
 * stored, one after the other. Parsing runs on a worker thread and the sink's stage is awaited without blocking, so
 * the event loop never waits. A bad message is answered with AE or AR and the stream goes on.
 *
 * <p>Before a report is stored its sender passes the {@link SenderFence}: a report the fence keeps out goes to
 * quarantine instead, never to the sink, and the message is answered {@code AA} or {@code AR} as the fence says.
 * What is logged about a message names it (sender, control id) and says what was wrong, never what it says
 * ({@link Redaction}).
 *
 * <p>When too many messages wait, or their bytes pass 1 MiB, the line is asked to pause reading until the backlog
 * drains; a line that cannot pause (a serial port) keeps delivering, and frames beyond a hard bound are dropped
 * unanswered and counted, so the backlog stays bounded and the sender, missing the acknowledgement, sends them again.
 *
 * <p>Every method is called on {@link #context}, the one the bytes arrive on.
 */
final class Hl7Pipeline {

    /** Where acknowledgements go, and the flow control of the stream the frames come from. */
    interface Line {

        /** Sends one MLLP block. */
        void write(byte[] block);

        /** Stops reading for a while, if the line can. */
        default void pause() {
        }

        /** Reads again after {@link #pause()}. */
        default void resume() {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Hl7Pipeline.class);
    private static final int PAUSE_ABOVE = 32;
    private static final int RESUME_AT = 8;
    /** Bytes of waiting messages above which the line is paused too, whatever their number. */
    private static final long PAUSE_ABOVE_BYTES = 1024 * 1024;
    private static final long RESUME_AT_BYTES = 256 * 1024;
    private static final int DROP_ABOVE = 1024;

    private final Context context;
    private final Line line;
    private final String remote;
    private final String source;
    private final SenderFence fence;
    private final DeviceReportSink sink;
    private final Hl7Counters counters;
    private final Consumer<DeviceReport> stored;
    private final PcdDecoder decoder = new PcdDecoder();
    private final PcdMapper mapper;
    private final AckBuilder acks;
    private final Clock clock;

    private Future<Void> tail = Future.succeededFuture();
    private int waiting;
    private long waitingBytes;
    private boolean paused;

    /**
     * @param remote who is on the other end, for logs
     * @param stored told of every report the sink stored (or recognised as stored), on the context
     */
    Hl7Pipeline(Context context, Line line, String remote, DeviceReportSink sink, Hl7Counters counters,
                Clock clock, Consumer<DeviceReport> stored) {
        this(context, line, remote, "", SenderFence.OPEN, sink, counters, clock, stored);
    }

    /**
     * @param source the IP address the bytes come from, for the fence
     * @param fence  who may write into the record
     */
    Hl7Pipeline(Context context, Line line, String remote, String source, SenderFence fence, DeviceReportSink sink,
                Hl7Counters counters, Clock clock, Consumer<DeviceReport> stored) {
        this.context = Objects.requireNonNull(context, "context");
        this.line = Objects.requireNonNull(line, "line");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.source = Objects.requireNonNull(source, "source");
        this.fence = Objects.requireNonNull(fence, "fence");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.stored = Objects.requireNonNull(stored, "stored");
        this.mapper = new PcdMapper(clock);
        this.acks = new AckBuilder(clock);
        this.clock = clock;
    }

    /** What the framer found, with the time its bytes arrived. */
    void accept(MllpEvent event, Instant receivedAt) {
        if (event instanceof MllpEvent.Frame frame) {
            counters.frameReceived();
            byte[] payload = frame.payload();
            enqueue(payload.length, () -> process(payload, receivedAt));
        } else if (event instanceof MllpEvent.Oversized oversized) {
            onOversized(oversized);
        } else {
            countFramingTrouble(event, counters, remote);
        }
    }

    /** Counts and logs bytes the framer threw away; a frame or an oversized frame is not trouble of this kind. */
    static void countFramingTrouble(MllpEvent event, Hl7Counters counters, String remote) {
        if (event instanceof MllpEvent.Skipped skipped) {
            counters.bytesSkipped(skipped.bytes());
            log.debug("skipped {} bytes outside MLLP frames from {}", skipped.bytes(), remote);
        } else if (event instanceof MllpEvent.Truncated truncated) {
            counters.frameTruncated();
            log.warn("dropped an unterminated MLLP frame of {} bytes from {}: a new frame began first",
                    truncated.bytes(), remote);
        }
    }

    private void onOversized(MllpEvent.Oversized oversized) {
        counters.frameOversized();
        Hl7Header header = Hl7Header.peek(new String(oversized.head(), StandardCharsets.UTF_8))
                .orElse(Hl7Header.unknown());
        String reason = "the message is longer than " + oversized.limit() + " bytes and was dropped";
        log.warn("dropped an MLLP frame from {} (control id '{}'): longer than {} bytes",
                remote, Redaction.id(header.controlId()), oversized.limit());
        enqueue(0, () -> Future.succeededFuture(negative(header, Hl7Failure.reject(Hl7ErrorCode.VALUE_TOO_LONG, reason))));
    }

    private void enqueue(int bytes, Supplier<Future<Ack>> step) {
        if (waiting >= DROP_ABOVE) {
            counters.frameDropped();
            log.warn("dropped an MLLP frame from {} unanswered: {} messages are already waiting", remote, waiting);
            return;
        }
        waiting++;
        waitingBytes += bytes;
        if ((waiting > PAUSE_ABOVE || waitingBytes > PAUSE_ABOVE_BYTES) && !paused) {
            paused = true;
            line.pause();
        }
        tail = tail.transform(ignored -> safely(step)).map(ack -> {
            write(ack);
            return (Void) null;
        }).onComplete(ignored -> {
            waiting--;
            waitingBytes -= bytes;
            if (paused && waiting <= RESUME_AT && waitingBytes <= RESUME_AT_BYTES) {
                paused = false;
                line.resume();
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
            counters.decodeFailed();
            log.warn("rejected HL7 message from {} (control id '{}'): {}",
                    remote, Redaction.id(failed.header().controlId()), Redaction.reason(failed.failure().reason()));
            return Prepared.answer(negative(failed.header(), failed.failure()));
        }
        Hl7DecodeResult.Decoded message = (Hl7DecodeResult.Decoded) decoded;
        Hl7MapResult mapped = mapper.map(message, receivedAt);
        if (mapped instanceof Hl7MapResult.Failed failed) {
            counters.mappingFailed();
            log.warn("HL7 message from {} (control id '{}') has nothing to record: {}",
                    remote, Redaction.id(message.header().controlId()), Redaction.reason(failed.failure().reason()));
            return Prepared.answer(negative(message.header(), failed.failure()));
        }
        Hl7MapResult.Mapped reports = (Hl7MapResult.Mapped) mapped;
        for (String warning : reports.warnings()) {
            log.warn("HL7 message from {} (control id '{}'): {}", remote, Redaction.id(message.header().controlId()),
                    Redaction.reason(warning));
        }
        return Prepared.toStore(message.header(), reports.reports());
    }

    private Future<Ack> store(Hl7Header header, List<DeviceReport> reports) {
        Future<Void> stored = Future.succeededFuture();
        FenceVerdict refused = null;
        for (DeviceReport report : reports) {
            FenceVerdict verdict = fence.check(report, source);
            if (verdict.admitted()) {
                stored = stored.compose(ignored -> storeOne(report));
            } else {
                stored = stored.compose(ignored -> quarantine(header, report, verdict));
                refused = verdict.kind() == FenceVerdict.Kind.REFUSE && refused == null ? verdict : refused;
            }
        }
        FenceVerdict answer = refused;
        List<DeviceId> devices = reports.stream().map(DeviceReport::deviceId).distinct().toList();
        return stored.transform(result -> Future.succeededFuture(result.failed()
                ? negative(header, devices, Hl7Failure.error(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR,
                        result.cause().getMessage()))
                : answer != null ? negative(header, Hl7Failure.reject(Hl7ErrorCode.UNKNOWN_KEY_IDENTIFIER, answer.reason()))
                : new Ack(AckCode.AA, acks.accept(header), List.of(), "")));
    }

    private Future<Void> quarantine(Hl7Header header, DeviceReport report, FenceVerdict verdict) {
        QuarantinedMessage message = new QuarantinedMessage(header.sender(), report.deviceId().value(), source,
                header.controlId(), verdict.reason(), verdict.kind() == FenceVerdict.Kind.REFUSE, report.receivedAt());
        log.warn("quarantined HL7 message {} from {} about device {}: {}", Redaction.id(header.controlId()), remote,
                Redaction.id(report.deviceId().value()), verdict.reason());
        CompletionStage<Void> stage;
        try {
            stage = fence.quarantine(message);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        return Future.fromCompletionStage(stage, context).transform(result -> {
            if (result.succeeded()) {
                counters.quarantined();
                return Future.succeededFuture();
            }
            counters.storeFailed();
            String cause = describe(result.cause());
            log.warn("quarantined HL7 message from {} was not stored: {}", remote, cause);
            return Future.failedFuture(new StoreFailure("the quarantined message was not stored: " + cause));
        });
    }

    private Future<Void> storeOne(DeviceReport report) {
        return Future.fromCompletionStage(record(report), context).transform(result -> {
            if (result.succeeded() && result.result() != null) {
                counters.stored(report.deviceId(), report.receivedAt(), result.result() == RecordOutcome.DUPLICATE);
                tellStored(report);
                return Future.succeededFuture();
            }
            counters.storeFailed();
            String cause = result.succeeded() ? "the store gave no outcome" : describe(result.cause());
            log.warn("HL7 message {} from {} was not stored: {}", Redaction.id(report.messageKey().toString()), remote,
                    cause);
            return Future.failedFuture(new StoreFailure(notStored(report) + ": " + cause));
        });
    }

    private void tellStored(DeviceReport report) {
        try {
            stored.accept(report);
        } catch (RuntimeException e) {
            log.warn("listener of HL7 messages from {} failed", remote, e);
        }
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

    /** A negative acknowledgement, kept as the last of the device the header names. */
    private Ack negative(Hl7Header header, Hl7Failure failure) {
        return negative(header, header.namedDevice().stream().toList(), failure);
    }

    private Ack negative(Hl7Header header, List<DeviceId> devices, Hl7Failure failure) {
        return new Ack(failure.ack(), acks.reject(header, failure), devices, failure.reason());
    }

    private Ack internalError(Throwable e) {
        log.error("HL7 message from {} could not be processed", remote, e);
        return negative(Hl7Header.unknown(), Hl7Failure.error(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR,
                "the message could not be processed: " + describe(e)));
    }

    private void write(Ack ack) {
        counters.ackSent(ack.code());
        if (ack.code() != AckCode.AA) {
            Hl7Nak nak = new Hl7Nak(ack.code(), ack.reason(), clock.instant());
            ack.devices().forEach(device -> counters.nakSent(device, nak));
        }
        line.write(Mllp.wrap(ack.text()));
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    /** An acknowledgement to send; a negative one names the devices it concerns and why. */
    private record Ack(AckCode code, String text, List<DeviceId> devices, String reason) {
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
        private static final long serialVersionUID = 1L;

        StoreFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
