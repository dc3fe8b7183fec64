package org.vigil.adapters.hl7;

import org.vigil.adapters.transport.ConnectionCounters;

import java.util.Objects;

/**
 * The counts of one {@link Hl7Link}, for the operator's device list and metrics.
 *
 * @param connection the line: state, silence, bytes, complete frames ({@code framesOk}), framing failures
 *                   ({@code decodeFailures}: bytes outside frames, cut-short and oversized frames), reconnects; a
 *                   snapshot
 * @param messages   the messages: frames, HL7 decode and mapping failures, store failures, acknowledgements by code,
 *                   reports recorded and duplicates, the last message time per device; the same counts the
 *                   {@link Hl7Listener} keeps, live
 */
public record Hl7LinkCounters(ConnectionCounters connection, Hl7Counters messages) {

    public Hl7LinkCounters {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(messages, "messages");
    }

    /**
     * Everything from the device that could not be used: framing failures, frames that were not an HL7 message
     * Vigil takes, and messages with nothing to record (docs/DESIGN.md, "decode errors are counted per device").
     */
    public long decodeFailures() {
        return connection.decodeFailures() + messages.decodeFailures() + messages.mappingFailures();
    }

    public long framesReceived() {
        return messages.framesReceived();
    }

    public long acksAccepted() {
        return messages.acksAccepted();
    }

    public long acksError() {
        return messages.acksError();
    }

    public long acksRejected() {
        return messages.acksRejected();
    }
}
