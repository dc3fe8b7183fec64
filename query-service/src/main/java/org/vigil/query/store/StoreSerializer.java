package org.vigil.query.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.ContentTypeConverter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer writing the {@link StoredForm}: compressed JSON for the store, Vigil's JSON everywhere
 * else. Every object becomes Vigil's JSON ({@link EventSerializers#json()}), so what the store holds, what the
 * upcasters see and what a human export shows are one tree; only the bytes differ. For the store the text is
 * written straight from the object, the same text as its tree's, without building the tree.
 *
 * <ul>
 * <li>{@code serialize(…, byte[].class)}: the compressed form, for the store.</li>
 * <li>{@code serialize(…, JsonNode.class)} and {@code String.class}: Vigil's JSON.</li>
 * <li>{@code deserialize}: stored bytes in either form (compressed, or the JSON text stored before), read from the
 *     JSON text exactly as before; or a tree, or JSON text.</li>
 * <li>Its converter turns stored bytes into Vigil's JSON for the upcasters, and a tree into the compressed form.</li>
 * <li>Vigil's event types are stored under their simple class name ({@link StoredTypeNames}).</li>
 * </ul>
 */
final class StoreSerializer extends JacksonSerializer {

    /** @param builder with Vigil's JSON mapper as its object mapper */
    StoreSerializer(Builder builder) {
        super(builder);
    }

    @Override
    protected void registerConverters(ChainingConverter converter) {
        super.registerConverters(converter);
        // registered last, so asked first
        converter.registerConverter(new StoredBytesToJson());
        converter.registerConverter(new JsonToStoredBytes());
    }

    @Override
    @SuppressWarnings("rawtypes") // as Axon's Serializer declares it
    public SerializedType typeForClass(Class type) {
        SerializedType full = super.typeForClass(type);
        return type == null ? full : new SimpleSerializedType(StoredTypeNames.storedName(type), full.getRevision());
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return StoredTypeNames.className(super.resolveClassName(serializedType));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        T data;
        if (JsonNode.class.equals(expectedRepresentation)) {
            data = (T) getObjectMapper().valueToTree(object);
        } else if (String.class.equals(expectedRepresentation)) {
            data = (T) text(getObjectMapper().valueToTree(object));
        } else {
            // the same text as the tree's, written straight from the object: no tree built for every event stored
            data = getConverter().convert(StoredForm.write(json(object)), expectedRepresentation);
        }
        return new SimpleSerializedObject<>(data, expectedRepresentation,
                typeForClass(object == null ? null : object.getClass()));
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (byte[].class.equals(serializedObject.getContentType())) {
            byte[] text = StoredForm.text((byte[]) serializedObject.getData());
            return super.deserialize(new SimpleSerializedObject<>(text, byte[].class, serializedObject.getType()));
        }
        return super.deserialize(serializedObject);
    }

    private byte[] json(Object object) {
        try {
            return getObjectMapper().writeValueAsBytes(object);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write JSON", e);
        }
    }

    private String text(JsonNode tree) {
        try {
            return getObjectMapper().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write JSON", e);
        }
    }

    /** Stored bytes, in either form, as Vigil's JSON. */
    private static final class StoredBytesToJson implements ContentTypeConverter<byte[], JsonNode> {
        @Override
        public Class<byte[]> expectedSourceType() {
            return byte[].class;
        }

        @Override
        public Class<JsonNode> targetType() {
            return JsonNode.class;
        }

        @Override
        public JsonNode convert(byte[] original) {
            return StoredForm.read(original);
        }
    }

    /** Vigil's JSON as the bytes the store holds. */
    private static final class JsonToStoredBytes implements ContentTypeConverter<JsonNode, byte[]> {
        @Override
        public Class<JsonNode> expectedSourceType() {
            return JsonNode.class;
        }

        @Override
        public Class<byte[]> targetType() {
            return byte[].class;
        }

        @Override
        public byte[] convert(JsonNode original) {
            return StoredForm.write(original);
        }
    }
}
