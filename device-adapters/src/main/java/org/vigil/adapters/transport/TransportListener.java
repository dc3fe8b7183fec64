package org.vigil.adapters.transport;

/**
 * Receives what a {@link ByteTransport} sees. Calls come from the transport's own thread (the serial reader
 * thread, or a Vert.x event loop for TCP), one at a time and in order; implementations must return quickly and
 * never block.
 */
public interface TransportListener {

    /**
     * The transport moved to {@code state}; {@code detail} says why or to whom, for the log and the operator
     * (for example {@code "read error (errno 5)"} or {@code "connected to 10.1.2.3:4001"}).
     */
    void stateChanged(TransportState state, String detail);

    /** A chunk of bytes from the peer, in arrival order, cut wherever the operating system cut it. */
    void received(byte[] chunk);
}
