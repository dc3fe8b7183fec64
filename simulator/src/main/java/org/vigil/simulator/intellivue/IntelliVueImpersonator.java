package org.vigil.simulator.intellivue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a Philips IntelliVue monitor on its MIB/RS232 Data Export port: bytes from the client in, bytes to the
 * client out, time passed in; no I/O, so any transport can carry it. It answers an Association Request with an
 * Association Result and an MDS Create Event Report, answers polls with numerics from a {@link NumericsSource}
 * once the client confirmed the MDS, releases on request, and drops a client it has not heard from for the
 * association timeout. Its RelativeTime runs at 8000 ticks per second from the configured start and wraps at 2³².
 * Not thread-safe.
 */
public final class IntelliVueImpersonator {

    /** Where the monitor is in the dialog with its client. */
    public enum State { IDLE, AWAITING_CONFIRMATION, ASSOCIATED }

    private static final int MAX_MESSAGE_BYTES = 4096;
    private static final long TICKS_PER_SECOND = 8000;
    private static final long NANOS_PER_TICK = 125_000;
    private static final int BPM = 0x0AA0;
    private static final int PERCENT = 0x0220;
    private static final int BREATHS_PER_MIN = 0x0AE0;
    private static final int MMHG = 0x0F20;

    private final ImpersonatorConfig config;
    private final NumericsSource numerics;
    private final Instant bootedAt;
    private final SerialFrames.Reader reader = new SerialFrames.Reader(MAX_MESSAGE_BYTES);
    private State state = State.IDLE;
    private Instant lastHeard = Instant.MIN;
    private int invokeId;
    private long associations;
    private long pollsAnswered;
    private long unrecognised;

    public IntelliVueImpersonator(ImpersonatorConfig config, NumericsSource numerics, Instant bootedAt) {
        this.config = config;
        this.numerics = numerics;
        this.bootedAt = bootedAt;
    }

    public State state() {
        return state;
    }

    public long associations() {
        return associations;
    }

    public long pollsAnswered() {
        return pollsAnswered;
    }

    /** Frames from the client that were damaged, and messages the monitor did not understand or expect. */
    public long rejected() {
        return reader.rejected() + unrecognised;
    }

    /** The monitor's RelativeTime at {@code now}: 1/8 ms ticks since boot plus the initial value, modulo 2³². */
    public long relativeTime(Instant now) {
        Duration sinceBoot = Duration.between(bootedAt, now);
        long ticks = sinceBoot.getSeconds() * TICKS_PER_SECOND + sinceBoot.getNano() / NANOS_PER_TICK;
        return (config.initialRelativeTime() + ticks) & 0xFFFFFFFFL;
    }

    public List<byte[]> receive(byte[] bytes, Instant now) {
        List<byte[]> replies = new ArrayList<>();
        for (byte[] message : reader.push(bytes)) {
            answer(ClientRequestParser.parse(message), now, replies);
        }
        return replies;
    }

    /** Lets time pass; drops the association when the client has been silent too long. */
    public List<byte[]> tick(Instant now) {
        List<byte[]> replies = new ArrayList<>();
        if (state != State.IDLE && !now.isBefore(lastHeard.plus(config.associationTimeout()))) {
            state = State.IDLE;
            if (config.abortWhenDropping()) {
                replies.add(SerialFrames.wrap(MonitorReplies.abort()));
            }
        }
        return replies;
    }

    private void answer(ClientRequest request, Instant now, List<byte[]> replies) {
        if (request instanceof ClientRequest.AssociationRequest) {
            associate(now, replies);
        } else if (request instanceof ClientRequest.MdsCreateConfirmation && state == State.AWAITING_CONFIRMATION) {
            state = State.ASSOCIATED;
            lastHeard = now;
        } else if (request instanceof ClientRequest.PollRequest poll && state == State.ASSOCIATED) {
            lastHeard = now;
            pollsAnswered++;
            replies.add(SerialFrames.wrap(MonitorReplies.pollResult(poll, relativeTime(now), wallClock(now),
                    objects(numerics.read(now)))));
        } else if (request instanceof ClientRequest.ReleaseRequest && state != State.IDLE) {
            state = State.IDLE;
            replies.add(SerialFrames.wrap(MonitorReplies.releaseResult()));
        } else if (request instanceof ClientRequest.Abort) {
            state = State.IDLE;
        } else {
            unrecognised++;
        }
    }

    private void associate(Instant now, List<byte[]> replies) {
        state = State.AWAITING_CONFIRMATION;
        lastHeard = now;
        associations++;
        invokeId = (invokeId + 1) & 0xFFFF;
        replies.add(SerialFrames.wrap(MonitorReplies.associationResult()));
        replies.add(SerialFrames.wrap(MonitorReplies.mdsCreateEventReport(invokeId, relativeTime(now),
                wallClock(now))));
    }

    private LocalDateTime wallClock(Instant now) {
        return LocalDateTime.ofInstant(now, config.zone());
    }

    private static List<MonitorReplies.NumericObject> objects(SimulatedNumerics values) {
        return List.of(
                single(0x0010, 0x4182, BPM, values.heartRate()),
                single(0x0011, 0x4BB8, PERCENT, values.spo2()),
                single(0x0012, 0x4822, BPM, values.pulseRate()),
                single(0x0013, 0x500A, BREATHS_PER_MIN, values.respiratoryRate()),
                new MonitorReplies.NumericObject(0x0014, 0x4A04, List.of(
                        new MonitorReplies.Entry(0x4A05, MMHG, MonitorValues.floatType(values.nibpSystolic())),
                        new MonitorReplies.Entry(0x4A06, MMHG, MonitorValues.floatType(values.nibpDiastolic())),
                        new MonitorReplies.Entry(0x4A07, MMHG, MonitorValues.floatType(values.nibpMean())))));
    }

    private static MonitorReplies.NumericObject single(int handle, int physioId, int unit, Double value) {
        return new MonitorReplies.NumericObject(handle, physioId,
                List.of(new MonitorReplies.Entry(physioId, unit, MonitorValues.floatType(value))));
    }
}
