package org.vigil.adapters.pump.wire;

/** A frame body decoded into a {@link PumpReply}, or the reason it could not be: a value, never an exception. */
public sealed interface PumpDecodeResult {

    record Decoded(PumpReply reply) implements PumpDecodeResult {
    }

    record Failed(String reason) implements PumpDecodeResult {
    }
}
