package org.vigil.query.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.vigil.core.upcasting.EventUpcasters;

/**
 * The one place Vigil's serializers are made: the application's Spring configuration ({@link StoreConfiguration})
 * and every test and tool build the same ones here.
 *
 * <p>{@link #store(RevisionResolver)} serializes events, snapshots, tokens and everything else Axon stores: the
 * store holds the compact {@link StoredForm} (JSON compressed with a preset dictionary), and reads the JSON text
 * Vigil stored before as well.
 * {@link #json()} is Vigil's JSON of an event, the one shape that upcasters, golden fixtures and exports share.
 */
public final class EventSerializers {

    private EventSerializers() {
    }

    /** The serializer of the event store, with the revisions of {@code @Revision} annotations. */
    public static Serializer store() {
        return store(new AnnotationRevisionResolver());
    }

    /** The serializer of the event store, with the given revisions. */
    public static Serializer store(RevisionResolver revisions) {
        JacksonSerializer.Builder builder = JacksonSerializer.builder()
                .revisionResolver(revisions)
                .converter(new ChainingConverter(EventSerializers.class.getClassLoader()))
                .objectMapper(json());
        return new StoreSerializer(builder);
    }

    /**
     * The upcasters the store reads events through: the stored type name made the full class name first
     * ({@link StoredTypeNames}), then Vigil's upcasters ({@link EventUpcasters}).
     */
    public static EventUpcasterChain upcasters() {
        return new EventUpcasterChain(StoredTypeNames.upcaster(), EventUpcasters.chain());
    }

    /**
     * Vigil's JSON of events and snapshots, as it has been stored since the first release: times as ISO-8601 text,
     * durations as seconds, every field written, unknown fields ignored when read. A new mapper on each call.
     */
    public static ObjectMapper json() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // the same times, read several times faster (IsoInstants)
                .addModule(IsoInstants.module())
                .addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                // a duration of 1474 s stays 1474.000000000 in the tree, as it was written before
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }
}
