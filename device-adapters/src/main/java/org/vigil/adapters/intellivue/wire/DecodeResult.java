package org.vigil.adapters.intellivue.wire;

/** The outcome of decoding one frame's payload: a message, or a failure value with the reason. */
sealed interface DecodeResult {

    record Decoded(MonitorMessage message) implements DecodeResult {
    }

    record Failed(String reason) implements DecodeResult {
    }
}
