package org.vigil.adapters.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny line protocol standing in for a real codec: {@code V:<number>} is a usable reading, {@code HELLO} a
 * well-formed answer without a reading, {@code BOOM} makes the codec throw, anything else is a decode failure.
 * It greets on connect and polls every second.
 */
final class LineCodec implements CodecStream<Integer> {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final int MAX_LINE = 64;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<Instant> ticks = new CopyOnWriteArrayList<>();
    private final List<Instant> disconnects = new CopyOnWriteArrayList<>();
    private Instant nextPoll = Instant.MAX;

    @Override
    public CodecOutput<Integer> connected(Instant now) {
        line.reset();
        nextPoll = now.plus(POLL_INTERVAL);
        return new CodecOutput.Builder<Integer>().write(bytes("HELLO?\n")).build();
    }

    @Override
    public CodecOutput<Integer> received(byte[] chunk, Instant now) {
        CodecOutput.Builder<Integer> output = new CodecOutput.Builder<>();
        for (byte b : chunk) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                line.reset();
                decode(text, output);
            } else if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
        return output.build();
    }

    @Override
    public CodecOutput<Integer> tick(Instant now) {
        ticks.add(now);
        if (now.isBefore(nextPoll)) {
            return CodecOutput.none();
        }
        nextPoll = now.plus(POLL_INTERVAL);
        return new CodecOutput.Builder<Integer>().write(bytes("POLL\n")).build();
    }

    @Override
    public void disconnected(Instant now) {
        disconnects.add(now);
        nextPoll = Instant.MAX;
    }

    /** The clock readings of every tick so far: proof that the connection has looked at the clock since. */
    List<Instant> ticks() {
        return ticks;
    }

    List<Instant> disconnects() {
        return disconnects;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void decode(String text, CodecOutput.Builder<Integer> output) {
        if (text.equals("BOOM")) {
            throw new IllegalStateException("codec bug");
        }
        if (text.equals("HELLO")) {
            output.decodedWithoutResult();
        } else if (text.matches("V:-?\\d{1,9}")) {
            output.result(Integer.parseInt(text.substring(2)));
        } else {
            output.failure("not a line of this protocol: " + text);
        }
    }
}
