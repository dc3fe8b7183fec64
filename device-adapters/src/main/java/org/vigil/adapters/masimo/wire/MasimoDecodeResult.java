package org.vigil.adapters.masimo.wire;

/** A line decoded into a {@link MasimoReading}, or the reason it could not be: a value, never an exception. */
public sealed interface MasimoDecodeResult {

    record Decoded(MasimoReading reading) implements MasimoDecodeResult {
    }

    record Failed(String reason) implements MasimoDecodeResult {
    }
}
