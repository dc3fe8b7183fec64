package org.vigil.adapters.masimo;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.adapters.masimo.wire.MasimoCondition;
import org.vigil.adapters.masimo.wire.MasimoDecodeResult;
import org.vigil.adapters.masimo.wire.MasimoFrameResult;
import org.vigil.adapters.masimo.wire.MasimoFramer;
import org.vigil.adapters.masimo.wire.MasimoLineDecoder;
import org.vigil.adapters.masimo.wire.MasimoMapper;
import org.vigil.adapters.masimo.wire.MasimoReading;
import org.vigil.adapters.transport.CodecOutput;
import org.vigil.adapters.transport.CodecStream;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.MessageKey;

/**
 * The Masimo oximeter's ASCII 1 output (docs/PROTOCOLS.md §4) as a {@link CodecStream}. The oximeter only talks:
 * nothing is ever written to it. Every line that decodes becomes one observations report; a technical condition
 * of its bit fields that was not set on the previous line adds a START device alarm, one that is no longer set an
 * END. Over-long lines, non-printable bytes and lines that do not decode are counted failures; the connection
 * stays up and the next line is read.
 *
 * <p>The conditions are remembered across reconnects of the same link, so a sensor put back while the cable was
 * out still ends its "sensor off". Message keys are the device id and {@code <connection start, base 36 epoch
 * ms>-<sequence>} for the observations, with {@code /<condition code>} appended for the alarms of the same line.
 * Called from one thread; {@link #counters()} may be read from any.
 */
public final class MasimoCodec implements CodecStream<DeviceReport> {

    private final MasimoCodecSettings settings;
    private final MasimoFramer framer = new MasimoFramer();
    private Set<MasimoCondition> conditions = new TreeSet<>();
    private String connectionId;
    private long sequence;

    private volatile long lines;
    private volatile long badLines;
    private volatile long undecodable;
    private volatile long garbageBytes;
    private volatile long conditionsStarted;

    public MasimoCodec(MasimoCodecSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public MasimoCounters counters() {
        return new MasimoCounters(lines, badLines, undecodable, garbageBytes, conditionsStarted);
    }

    @Override
    public CodecOutput<DeviceReport> connected(Instant now) {
        framer.reset();
        connectionId = Long.toString(now.toEpochMilli(), 36);
        sequence = 0;
        return CodecOutput.none();
    }

    @Override
    public CodecOutput<DeviceReport> received(byte[] chunk, Instant now) {
        if (connectionId == null) {
            connected(now);
        }
        CodecOutput.Builder<DeviceReport> out = new CodecOutput.Builder<>();
        for (MasimoFrameResult frame : framer.feed(chunk)) {
            if (frame instanceof MasimoFrameResult.Line line) {
                handle(MasimoLineDecoder.decode(line.text()), now, out);
            } else if (frame instanceof MasimoFrameResult.Failure failure) {
                badLines++;
                out.failure("Masimo line: " + failure.reason());
            }
        }
        return out.build();
    }

    @Override
    public void disconnected(Instant now) {
        connectionId = null;
    }

    private void handle(MasimoDecodeResult result, Instant now, CodecOutput.Builder<DeviceReport> out) {
        if (result instanceof MasimoDecodeResult.Failed failed) {
            undecodable++;
            out.failure("Masimo line: " + failed.reason());
            return;
        }
        MasimoReading reading = ((MasimoDecodeResult.Decoded) result).reading();
        lines++;
        if (reading.skippedBytes() > 0) {
            garbageBytes += reading.skippedBytes();
            out.failure("Masimo line: " + reading.skippedBytes() + " bytes of garbage before the date skipped");
        }
        String controlId = connectionId + "-" + (++sequence);
        String sender = settings.deviceId().value();
        out.result(MasimoMapper.observations(reading, settings.deviceId(), new MessageKey(sender, controlId), now,
                settings.deviceZone()));
        Instant deviceTime = MasimoMapper.deviceTime(reading, settings.deviceZone());
        Set<MasimoCondition> current = MasimoCondition.of(reading);
        for (MasimoCondition ended : MasimoMapper.ended(conditions, current)) {
            out.result(MasimoMapper.condition(ended, AlarmPhase.END, settings.deviceId(),
                    new MessageKey(sender, controlId + "/" + ended.code()), deviceTime, now));
        }
        for (MasimoCondition started : MasimoMapper.started(conditions, current)) {
            conditionsStarted++;
            out.result(MasimoMapper.condition(started, AlarmPhase.START, settings.deviceId(),
                    new MessageKey(sender, controlId + "/" + started.code()), deviceTime, now));
        }
        conditions = current;
    }
}
