package org.vigil.adapters.transport;

/**
 * Moves bytes to and from one device, whatever the wire: a serial port, a TCP connection to a serial-to-Ethernet
 * terminal server, or a TCP listener a gateway dials into (docs/PROTOCOLS.md: "any protocol must run over any byte
 * transport"). It knows nothing of framing; a codec does.
 *
 * <p>Once opened, a transport keeps itself connected: when the peer goes away it reports
 * {@link TransportState#DISCONNECTED} with the reason and tries again after a bounded exponential backoff
 * ({@link ReconnectPolicy}) until it is closed. No method blocks the caller, so all of them may be called from a
 * Vert.x event loop.
 */
public interface ByteTransport extends AutoCloseable {

    /** Starts connecting; {@code listener} receives every state change and every received chunk until close. */
    void open(TransportListener listener);

    /**
     * Queues {@code bytes} for the peer.
     *
     * @return false when the bytes were dropped: not connected, or the outgoing queue is full (a peer that stopped
     *     reading must not make the adapter buffer without bound)
     */
    boolean write(byte[] bytes);

    /** Stops for good: closes the port or socket and stops reconnecting; the listener hears nothing more. */
    @Override
    void close();

    /** What this transport talks to, for logs: {@code "serial /dev/ttyUSB0 115200 8N1"}, {@code "tcp 10.1.2.3:4001"}. */
    String description();
}
