package org.vigil.adapters.transport;

import java.time.Instant;

/**
 * What a {@link SupervisedConnection} tells its owner. All calls come on the connection's Vert.x context, one at
 * a time and in order; they must not block (hand Axon commands to {@code executeBlocking} or a worker). An
 * exception thrown here is logged and does not stop the connection.
 *
 * @param <R> the codec's result type
 */
public interface ConnectionListener<R> {

    /** A usable decoded message, with the time it was received by this adapter ({@code now} of the clock). */
    void received(R result, Instant receivedAt);

    /** The transport connected, at first or after being disconnected. */
    default void connected(String detail, Instant at) {
    }

    /** The transport lost its peer or could not reach it; reported once per outage, not once per attempt. */
    default void disconnected(String reason, Instant at) {
    }

    /**
     * No usable message for the silence timeout: the device is offline or makes no sense, whether or not the
     * transport is connected. {@code silentSince} is the time of the last usable message, or the start when there
     * was none. Reported once until {@link #recovered(Instant, Instant)}.
     */
    default void silent(Instant silentSince, Instant at) {
    }

    /** The first usable message after a silence; {@code silentSince} is when the silence began. */
    default void recovered(Instant silentSince, Instant at) {
    }

    /** A frame the codec could not decode; it is counted and the connection goes on. */
    default void decodeFailed(String reason, Instant at) {
    }
}
