package org.vigil.query.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The bytes of a stored event, snapshot or metadata, and the JSON they stand for.
 *
 * <p>Written: Vigil's JSON text ({@link EventSerializers#json()}), compressed with DEFLATE (the JDK's zlib, raw, at
 * level 6) primed with a preset dictionary: the byte {@code 0x00}, the dictionary's number, then the compressed
 * text. The dictionary, {@code stored-form-dictionary-1.jsonl} beside this class, holds one example of every event
 * type Vigil stores, so an event's field names, codes and fixed texts are found in it rather than stored again:
 * an observation event of 600 bytes of JSON takes about 160. The dictionary is part of the stored format, like
 * the golden fixtures: it is never changed; a better one would be number 2, and number 1 would still be read.
 *
 * <p>A JSON text shorter than {@value #SMALL} bytes — an event's metadata, which is empty ({@code {}}) — is written
 * as it is: compressed, it would save a few bytes at most, and priming the compressor with the dictionary costs
 * more than everything else of writing it.
 *
 * <p>Read: that form, or JSON text, which is what Vigil stored before (it begins with {@code {}, never with
 * {@code 0x00}), so every event a clinic's database holds stays readable. Either gives the same JSON; upcasters,
 * which work on Jackson's {@link JsonNode}, see no difference.
 */
final class StoredForm {

    private static final byte MARKER = 0;
    private static final byte DICTIONARY_1 = 1;
    private static final byte[] DICTIONARY = dictionary("stored-form-dictionary-1.jsonl");
    private static final int LEVEL = 6;
    /** Texts shorter than this are stored as JSON text. */
    static final int SMALL = 16;
    /** Reads JSON text into a tree as Axon's Jackson serializer did for the upcasters. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(LEVEL, true));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private StoredForm() {
    }

    static byte[] write(JsonNode json) {
        try {
            return write(JSON.writeValueAsBytes(json == null ? NullNode.instance : json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored form of a JSON text. */
    static byte[] write(byte[] text) {
        if (text.length < SMALL) {
            return text;
        }
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setDictionary(DICTIONARY);
        deflater.setInput(text);
        deflater.finish();
        ByteArrayOutputStream stored = new ByteArrayOutputStream(text.length / 2 + 16);
        stored.write(MARKER);
        stored.write(DICTIONARY_1);
        byte[] buffer = new byte[Math.max(64, text.length)];
        while (!deflater.finished()) {
            stored.write(buffer, 0, deflater.deflate(buffer));
        }
        return stored.toByteArray();
    }

    /** The stored data as a tree, for the upcasters. */
    static JsonNode read(byte[] stored) {
        try {
            JsonNode json = JSON.readTree(text(stored));
            return json == null ? NullNode.instance : json;
        } catch (IOException e) {
            throw new UncheckedIOException("stored data is neither Vigil's compressed JSON nor JSON text", e);
        }
    }

    /** The stored data as JSON text, which Jackson reads into an object exactly as it was written. */
    static byte[] text(byte[] stored) {
        if (stored.length < 2 || stored[0] != MARKER) {
            return stored;
        }
        try {
            return inflate(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("stored data is not Vigil's compressed JSON", e);
        }
    }

    private static byte[] inflate(byte[] stored) throws IOException {
        if (stored[1] != DICTIONARY_1) {
            throw new IOException("stored data compressed with dictionary " + stored[1] + ", which this version of "
                    + "Vigil does not have");
        }
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        inflater.setDictionary(DICTIONARY);
        inflater.setInput(stored, 2, stored.length - 2);
        ByteArrayOutputStream text = new ByteArrayOutputStream(stored.length * 4);
        byte[] buffer = new byte[Math.max(256, stored.length * 4)];
        try {
            while (!inflater.finished()) {
                int read = inflater.inflate(buffer);
                if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("stored data ends before its compressed JSON does");
                }
                text.write(buffer, 0, read);
            }
        } catch (DataFormatException e) {
            throw new IOException("stored data is not valid compressed JSON", e);
        }
        return text.toByteArray();
    }

    private static byte[] dictionary(String name) {
        try (InputStream in = StoredForm.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the stored form's dictionary " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
