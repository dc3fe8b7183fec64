package org.vigil.adapters.pump;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vigil.adapters.pump.wire.PumpCommands;
import org.vigil.adapters.pump.wire.PumpDecodeResult;
import org.vigil.adapters.pump.wire.PumpFrameResult;
import org.vigil.adapters.pump.wire.PumpFramer;
import org.vigil.adapters.pump.wire.PumpFrames;
import org.vigil.adapters.pump.wire.PumpReply;
import org.vigil.adapters.pump.wire.PumpReplyDecoder;
import org.vigil.adapters.pump.wire.PumpReplyMapper;
import org.vigil.adapters.transport.CodecOutput;
import org.vigil.adapters.transport.CodecStream;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.PumpReport;

/**
 * The monitoring side of the pump's ASCII protocol (docs/PROTOCOLS.md §3) as a {@link CodecStream}: on every new
 * connection it asks for the programme and polls the status, then polls every {@link
 * PumpCodecSettings#pollInterval()} and asks for the programme again every {@link
 * PumpCodecSettings#programmeInterval()}, or at the next poll when a status reply shows a rate other than the
 * programme's. Every status reply becomes one {@link PumpReport} carrying the last programme; programme replies and
 * acknowledgements are decoded without a result; bad frames and unparseable replies are counted failures.
 *
 * <p>A poll still unanswered when the next one is due is counted ({@link PumpCounters#pollsUnanswered()});
 * the supervising connection reports the pump silent when no report arrives for its silence timeout. Each report's
 * message key is the device id and {@code <connection start, base 36 epoch ms>-<sequence>}, unique across
 * reconnects and restarts. Called from one thread; {@link #counters()} may be read, and {@link #requestPause()}
 * called, from any.
 */
public final class PumpCodec implements CodecStream<PumpReport> {

    private static final byte[] POLL = PumpFrames.frame(PumpCommands.statusPoll());
    private static final byte[] PROGRAMME_QUERY = PumpFrames.frame(PumpCommands.programmeQuery());
    /** Remote control on for the pause only; the watchdog returns the pump to local control should the rest be lost. */
    private static final byte[] REMOTE_ON = PumpFrames.frame(PumpCommands.remoteControl(true, 10));
    private static final byte[] STOP = PumpFrames.frame(PumpCommands.stop());
    private static final byte[] REMOTE_OFF = PumpFrames.frame(PumpCommands.remoteControl(false, 0));

    private final PumpCodecSettings settings;
    private final PumpFramer framer = new PumpFramer();
    private PumpReply.Programme programme;
    private volatile String connectionId;
    private long sequence;
    private Instant nextPoll = Instant.MAX;
    private Instant nextProgrammeQuery = Instant.MAX;
    private boolean awaitingStatus;
    private final AtomicBoolean pauseRequested = new AtomicBoolean();

    private volatile long pollsSent;
    private volatile long pollsUnanswered;
    private volatile long statusReplies;
    private volatile long programmeReplies;
    private volatile long refusals;
    private volatile long badFrames;
    private volatile long undecodable;
    private volatile long pausesSent;

    public PumpCodec(PumpCodecSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PumpCounters counters() {
        return new PumpCounters(pollsSent, pollsUnanswered, statusReplies, programmeReplies, refusals,
                badFrames, undecodable);
    }

    /**
     * Asks the pump to pause, from any thread: at the next tick of a connected link the codec enables remote
     * control, sends {@code INF_STOP}, gives control back to the pump's keypad and polls the status at once, so the
     * next report shows whether the pump stopped. A request made while disconnected, or still unsent when the link
     * drops, is dropped: a pause must never reach the pump later than the alarm that caused it. Nothing else Vigil
     * sends changes what the pump does; it never starts an infusion or sets a rate.
     */
    public void requestPause() {
        if (connectionId != null) {
            pauseRequested.set(true);
        }
    }

    /** How many pauses were put on the wire since the codec was made. */
    public long pausesSent() {
        return pausesSent;
    }

    @Override
    public CodecOutput<PumpReport> connected(Instant now) {
        pauseRequested.set(false);
        framer.reset();
        programme = null;
        connectionId = Long.toString(now.toEpochMilli(), 36);
        sequence = 0;
        awaitingStatus = false;
        CodecOutput.Builder<PumpReport> out = new CodecOutput.Builder<>();
        queryProgramme(now, out);
        poll(now, out);
        return out.build();
    }

    @Override
    public CodecOutput<PumpReport> tick(Instant now) {
        if (connectionId != null && pauseRequested.getAndSet(false)) {
            CodecOutput.Builder<PumpReport> out = new CodecOutput.Builder<>();
            out.write(REMOTE_ON);
            out.write(STOP);
            out.write(REMOTE_OFF);
            pausesSent++;
            poll(now, out);
            return out.build();
        }
        if (connectionId == null || now.isBefore(nextPoll)) {
            return CodecOutput.none();
        }
        CodecOutput.Builder<PumpReport> out = new CodecOutput.Builder<>();
        if (!now.isBefore(nextProgrammeQuery)) {
            queryProgramme(now, out);
        }
        poll(now, out);
        return out.build();
    }

    @Override
    public CodecOutput<PumpReport> received(byte[] chunk, Instant now) {
        CodecOutput.Builder<PumpReport> out = new CodecOutput.Builder<>();
        for (PumpFrameResult frame : framer.feed(chunk)) {
            if (frame instanceof PumpFrameResult.Frame good) {
                handle(PumpReplyDecoder.decode(good.body()), now, out);
            } else if (frame instanceof PumpFrameResult.Failure failure) {
                badFrames++;
                out.failure("pump frame: " + failure.reason());
            }
        }
        return out.build();
    }

    @Override
    public void disconnected(Instant now) {
        if (awaitingStatus) {
            pollsUnanswered++;
        }
        awaitingStatus = false;
        connectionId = null;
        pauseRequested.set(false);
        nextPoll = Instant.MAX;
    }

    private void handle(PumpDecodeResult result, Instant now, CodecOutput.Builder<PumpReport> out) {
        if (result instanceof PumpDecodeResult.Failed failed) {
            undecodable++;
            out.failure("pump reply: " + failed.reason());
            return;
        }
        PumpReply reply = ((PumpDecodeResult.Decoded) result).reply();
        if (reply instanceof PumpReply.Status status) {
            statusReplies++;
            awaitingStatus = false;
            if (programme != null && programme.rateMlPerHour() != status.rateMlPerHour()) {
                nextProgrammeQuery = now;
            }
            MessageKey key = new MessageKey(settings.deviceId().value(), connectionId + "-" + (++sequence));
            out.result(PumpReplyMapper.map(status, programme, settings.deviceId(), key, now, settings.deviceZone()));
        } else {
            if (reply instanceof PumpReply.Programme received) {
                programmeReplies++;
                programme = received;
            } else if (reply instanceof PumpReply.Refused) {
                refusals++;
            }
            out.decodedWithoutResult();
        }
    }

    private void poll(Instant now, CodecOutput.Builder<PumpReport> out) {
        if (awaitingStatus) {
            pollsUnanswered++;
        }
        out.write(POLL);
        pollsSent++;
        awaitingStatus = true;
        nextPoll = now.plus(settings.pollInterval());
    }

    private void queryProgramme(Instant now, CodecOutput.Builder<PumpReport> out) {
        out.write(PROGRAMME_QUERY);
        nextProgrammeQuery = now.plus(settings.programmeInterval());
    }
}
