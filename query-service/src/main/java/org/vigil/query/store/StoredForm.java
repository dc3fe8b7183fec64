package org.vigil.query.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The bytes of a stored event, snapshot or metadata, and the JSON they stand for.
 *
 * <p>Written: Vigil's JSON ({@link EventSerializers#json()}) less what {@link ObservationDefaults} leaves out, in
 * Smile, Jackson's binary JSON, with property names and short string values written once per document and
 * referred back to after. Smile holds the same tree as JSON: the same objects, arrays, strings and numbers, so the
 * upcasters, which work on Jackson's {@link JsonNode}, see the same JSON either way.
 *
 * <p>Read: Smile (its data begin with the header {@code :)\n}) or JSON text, which is what Vigil stored before, so
 * every event a clinic's database holds stays readable. Either gives the JSON as Vigil writes it.
 */
final class StoredForm {

    private static final byte[] SMILE_HEADER = {':', ')', '\n'};
    private static final ObjectMapper SMILE = new SmileMapper(SmileFactory.builder()
            .enable(SmileGenerator.Feature.CHECK_SHARED_NAMES)
            .enable(SmileGenerator.Feature.CHECK_SHARED_STRING_VALUES)
            .build());
    /** Decimals as they are written, never rounded through a double (a duration's nanoseconds). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private StoredForm() {
    }

    static byte[] write(JsonNode json) {
        try {
            return SMILE.writeValueAsBytes(ObservationDefaults.omit(json == null ? NullNode.instance : json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(byte[] stored) {
        try {
            if (isSmile(stored)) {
                return ObservationDefaults.restore(SMILE.readTree(stored));
            }
            JsonNode json = JSON.readTree(stored);
            return json == null ? NullNode.instance : json;
        } catch (IOException e) {
            throw new UncheckedIOException("stored data is neither Smile nor JSON", e);
        }
    }

    static boolean isSmile(byte[] stored) {
        if (stored.length < SMILE_HEADER.length) {
            return false;
        }
        for (int i = 0; i < SMILE_HEADER.length; i++) {
            if (stored[i] != SMILE_HEADER[i]) {
                return false;
            }
        }
        return true;
    }
}
