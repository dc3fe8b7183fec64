/**
 * Byte transports and connection supervision, shared by every device protocol.
 *
 * <p>A {@link org.vigil.adapters.transport.ByteTransport} moves bytes over a serial port
 * ({@link org.vigil.adapters.transport.SerialTransport}), a TCP connection to a terminal server
 * ({@link org.vigil.adapters.transport.TcpClientTransport}) or a TCP port a gateway dials into
 * ({@link org.vigil.adapters.transport.TcpListenerTransport}), and reconnects by itself with a bounded
 * exponential backoff ({@link org.vigil.adapters.transport.ReconnectPolicy}). A
 * {@link org.vigil.adapters.transport.SupervisedConnection} pairs one transport with one pure
 * {@link org.vigil.adapters.transport.CodecStream} and reports connection changes, silence and decode failures to
 * a {@link org.vigil.adapters.transport.ConnectionListener} (docs/DESIGN.md, "Any protocol on any transport").
 *
 * <p>No Vert.x event loop is ever blocked: serial I/O has threads of its own, TCP is asynchronous, and a
 * supervised connection runs its codec on one Vert.x context.
 */
package org.vigil.adapters.transport;
