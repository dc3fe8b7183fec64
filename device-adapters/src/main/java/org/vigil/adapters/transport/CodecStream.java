package org.vigil.adapters.transport;

import java.time.Instant;

/**
 * A codec reading and writing the byte stream of one connection, as a {@link SupervisedConnection} drives it: bytes
 * and clock ticks in, decoded results and bytes to send out. Implementations are pure (no I/O, no clock, no threads of their own), so
 * the same codec runs over a serial port, a terminal server or a listener, and is tested in memory (docs/DESIGN.md,
 * "Any protocol on any transport").
 *
 * <p>All methods are called from one thread at a time, in order. None may block. An exception thrown by a method
 * is counted as a decode failure and the connection goes on (docs/DESIGN.md, "Bad input never kills anything"); a
 * codec should rather report a bad frame with {@link CodecOutput.Builder#failure(String)}.
 *
 * @param <R> what one usable decoded message becomes, for example the observations of one poll result
 */
public interface CodecStream<R> {

    /**
     * A new connection to the device, after the first open or any reconnect. The peer may be a freshly started
     * device or gateway, so framing buffers and protocol state should start over here; a protocol in which the
     * client speaks first (an IntelliVue Association Request) returns its opening bytes.
     */
    default CodecOutput<R> connected(Instant now) {
        return CodecOutput.none();
    }

    /** Bytes from the device, in whatever chunks the transport delivered them. */
    CodecOutput<R> received(byte[] chunk, Instant now);

    /**
     * Time passes (called every {@link SupervisionSettings#tickInterval()} while connected): send a poll when
     * one is due, repeat an unanswered request.
     */
    default CodecOutput<R> tick(Instant now) {
        return CodecOutput.none();
    }

    /** The connection is gone; nothing can be sent until {@link #connected(Instant)} is called again. */
    default void disconnected(Instant now) {
    }
}
