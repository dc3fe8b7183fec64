package org.vigil.query.links;

/** The counters of a connection Vigil holds to a device, whatever its protocol. */
public record LinkCounters(long framesOk, long decodeFailures, long reconnects) {
}
