package org.vigil.adapters.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * What one call into a {@link CodecStream} produced.
 *
 * @param results        usable decoded messages, in order; only these end a silence
 * @param writes         bytes to send to the device, in order (requests, polls, acknowledgements)
 * @param framesDecoded  well-formed frames decoded, whether or not they gave a result (an association answer, a
 *                       keep-alive); at least {@code results.size()}
 * @param failures       one reason per frame or message that could not be decoded, for the count and the log
 * @param <R>            the type of a result
 */
public record CodecOutput<R>(List<R> results, List<byte[]> writes, int framesDecoded, List<String> failures) {

    private static final CodecOutput<?> NONE = new CodecOutput<>(List.of(), List.of(), 0, List.of());

    public CodecOutput {
        results = List.copyOf(results);
        writes = writes.stream().map(byte[]::clone).toList();
        failures = List.copyOf(failures);
        if (framesDecoded < results.size()) {
            throw new IllegalArgumentException(
                    framesDecoded + " frames decoded cannot give " + results.size() + " results");
        }
    }

    @SuppressWarnings("unchecked")
    public static <R> CodecOutput<R> none() {
        return (CodecOutput<R>) NONE;
    }

    /** Collects a call's output; one builder per call. */
    public static final class Builder<R> {

        private final List<R> results = new ArrayList<>();
        private final List<byte[]> writes = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();
        private int framesDecoded;

        /** A frame decoded into a usable message. */
        public Builder<R> result(R result) {
            results.add(result);
            framesDecoded++;
            return this;
        }

        /** A well-formed frame with nothing to hand on (a protocol answer, a keep-alive, an echo). */
        public Builder<R> decodedWithoutResult() {
            framesDecoded++;
            return this;
        }

        /** A frame or message that could not be decoded (bad checksum, oversize, unparseable). */
        public Builder<R> failure(String reason) {
            failures.add(reason);
            return this;
        }

        /** Bytes to send to the device. */
        public Builder<R> write(byte[] bytes) {
            writes.add(bytes);
            return this;
        }

        public CodecOutput<R> build() {
            return new CodecOutput<>(results, writes, framesDecoded, failures);
        }
    }
}
