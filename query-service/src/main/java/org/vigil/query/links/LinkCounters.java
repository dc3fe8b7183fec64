package org.vigil.query.links;

import org.vigil.adapters.hl7.Hl7Nak;

/**
 * The counters of a connection Vigil holds to a device, whatever its protocol.
 *
 * @param lastNak the last negative acknowledgement Vigil sent the device on this connection; {@code null} when
 *                there was none, or the protocol has no acknowledgements
 */
public record LinkCounters(long framesOk, long decodeFailures, long reconnects, Hl7Nak lastNak) {
}
