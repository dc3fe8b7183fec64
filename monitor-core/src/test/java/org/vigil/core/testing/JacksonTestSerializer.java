package org.vigil.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/** The serializer the application uses: Axon's Jackson serializer with java.time support. */
public final class JacksonTestSerializer {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(objectMapper())
            .lenientDeserialization()
            .build();

    private JacksonTestSerializer() {
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public static JacksonSerializer serializer() {
        return SERIALIZER;
    }

    public static String toJson(Object value) {
        return SERIALIZER.serialize(value, String.class).getData();
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return SERIALIZER.deserialize(new SimpleSerializedObject<>(json, String.class, type.getName(), null));
    }
}
