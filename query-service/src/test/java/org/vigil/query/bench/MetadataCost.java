package org.vigil.query.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.vigil.query.store.EventSerializers;

/**
 * What writing an event's metadata costs: the store's serializer writing the empty metadata every event carries (its
 * JSON text, {@code {}}, as it stores it) against compressing that text with the stored form's dictionary, as every
 * event's metadata was stored until texts that short were kept as they are. Alternating rounds on one thread, after
 * a warm-up. Part of {@link StoredFormCost}.
 */
final class MetadataCost {

    private static final int WRITES = 20_000;
    private static final int ROUNDS = 10;

    private MetadataCost() {
    }

    static List<String> table(Serializer store) {
        byte[] dictionary = dictionary();
        Deflater deflater = new Deflater(6, true);
        long asText = 0;
        long compressed = 0;
        long textBytes = 0;
        long compressedBytes = 0;
        for (int round = 0; round < ROUNDS + 2; round++) {
            long start = System.nanoTime();
            long bytes = 0;
            for (int i = 0; i < WRITES; i++) {
                bytes += store.serialize(MetaData.emptyInstance(), byte[].class).getData().length;
            }
            long middle = System.nanoTime();
            long before = 0;
            for (int i = 0; i < WRITES; i++) {
                before += compress(deflater, dictionary, "{}".getBytes(StandardCharsets.UTF_8));
            }
            long end = System.nanoTime();
            if (round >= 2) {
                asText += middle - start;
                compressed += end - middle;
                textBytes += bytes;
                compressedBytes += before;
            }
        }
        deflater.end();
        long count = (long) WRITES * ROUNDS;
        return List.of("", "| an event's metadata (empty) | bytes | write (µs) |", "|---|---:|---:|",
                row("compressed with the dictionary (before)", compressedBytes, compressed, count),
                row("its JSON text (now)", textBytes, asText, count));
    }

    /** The stored form's bytes as they were written for every text: marker, dictionary number, compressed text. */
    private static int compress(Deflater deflater, byte[] dictionary, byte[] text) {
        deflater.reset();
        deflater.setDictionary(dictionary);
        deflater.setInput(text);
        deflater.finish();
        byte[] buffer = new byte[64];
        int length = 2;
        while (!deflater.finished()) {
            length += deflater.deflate(buffer);
        }
        return length;
    }

    private static String row(String name, long bytes, long nanos, long count) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.2f |", name, (double) bytes / count, nanos / 1e3 / count);
    }

    private static byte[] dictionary() {
        try (InputStream in = EventSerializers.class.getResourceAsStream("stored-form-dictionary-1.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("the stored form's dictionary is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
