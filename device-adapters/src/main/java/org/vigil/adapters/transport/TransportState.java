package org.vigil.adapters.transport;

/** Where a {@link ByteTransport} stands with its peer. */
public enum TransportState {
    /** Opening the port, dialling the terminal server, or listening for a gateway to dial in. */
    CONNECTING,
    /** Bytes can flow both ways. */
    CONNECTED,
    /** The peer is gone or could not be reached; the transport tries again after its backoff delay. */
    DISCONNECTED
}
