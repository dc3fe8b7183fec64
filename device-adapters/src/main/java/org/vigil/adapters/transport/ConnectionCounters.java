package org.vigil.adapters.transport;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one {@link SupervisedConnection}, for the operator's device list and metrics.
 *
 * @param state                where the transport stands
 * @param silent               whether the device is currently reported silent
 * @param bytesIn              bytes received from the device
 * @param bytesOut             bytes accepted by the transport for the device
 * @param writesDropped        writes the transport refused (not connected, or its queue full)
 * @param framesOk             well-formed frames the codec decoded
 * @param results              usable decoded messages handed on
 * @param decodeFailures       frames the codec could not decode, plus codec exceptions
 * @param connections          successful connections so far
 * @param reconnects           successful connections after the first one
 * @param lastMessageAt        when the last usable message arrived
 * @param lastDisconnectReason why the transport last lost or missed its peer
 * @param lastDecodeFailure    the reason of the last decode failure
 */
public record ConnectionCounters(TransportState state, boolean silent, long bytesIn, long bytesOut,
                                 long writesDropped, long framesOk, long results, long decodeFailures,
                                 long connections, long reconnects, Optional<Instant> lastMessageAt,
                                 Optional<String> lastDisconnectReason, Optional<String> lastDecodeFailure) {
}
