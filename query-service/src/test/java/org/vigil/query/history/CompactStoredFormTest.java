package org.vigil.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.query.store.EventSerializers;

/**
 * The store's serializer ({@link EventSerializers#store()}) on every event Vigil stores: what it writes (the JSON,
 * compressed with the stored form's dictionary) reads back as the same event, is the same JSON as Vigil stored
 * before, and goes through the upcasters like the JSON text stored before, which it still reads.
 */
class CompactStoredFormTest {

    private static final Serializer STORE = EventSerializers.store();
    /** The serializer Vigil stored with before: Axon's Jackson serializer on Spring Boot's JSON mapper. */
    private static final Serializer BEFORE = JacksonSerializer.builder()
            .objectMapper(Jackson2ObjectMapperBuilder.json()
                    .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build())
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DICTIONARY_1_SHA256 =
            "b8d93161d0d305d79ad004346cdc04f1bd2f8fb3c63471915902ce314defa755";

    static Stream<String> examples() {
        return StoredEventExamples.names().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyEventReadsBackFromTheBytesItIsStoredAs(String name) {
        // given
        Object event = StoredEventExamples.of(name);

        // when
        SerializedObject<byte[]> stored = STORE.serialize(event, byte[].class);

        // then
        assertThat(stored.getData()).startsWith(0, 1);
        Object read = STORE.deserialize(stored);
        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theJsonOfEveryEventIsTheJsonStoredBefore(String name) throws Exception {
        // given
        Object event = StoredEventExamples.of(name);

        // when
        JsonNode now = JSON.readTree(STORE.serialize(event, String.class).getData());
        JsonNode storedBefore = JSON.readTree(BEFORE.serialize(event, byte[].class).getData());

        // then
        assertThat(now).isEqualTo(storedBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theStoredTextOfEveryEventIsTheTextOfItsJsonTree(String name) throws Exception {
        // given
        Object event = StoredEventExamples.of(name);
        ObjectMapper vigilsJson = EventSerializers.json();

        // when
        byte[] stored = STORE.serialize(event, byte[].class).getData();

        // then the compressed text is, byte for byte, the text of the event's tree
        byte[] text = inflate(stored);
        assertThat(new String(text, StandardCharsets.UTF_8))
                .isEqualTo(new String(vigilsJson.writeValueAsBytes(vigilsJson.valueToTree(event)),
                        StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theJsonTextStoredBeforeIsStillRead(String name) {
        // given an event as Vigil stored it before: JSON text
        Object event = StoredEventExamples.of(name);
        SerializedObject<byte[]> storedBefore = BEFORE.serialize(event, byte[].class);

        // when
        Object read = STORE.deserialize(storedBefore);

        // then
        assertThat(read).isEqualTo(event);
    }

    @Test
    void anObservationEventTakesLessThanAThirdOfItsJsonTextAndReadsBackExactly() {
        // given values a device may send: whole and fractional, negative zero, not available, its own label and unit
        Instant at = Instant.parse("2026-03-02T09:25:00Z");
        ObservationsRecordedEvent event = new ObservationsRecordedEvent(
                new SessionId("6855344a-e7e2-472e-b814-d2b1c757fdcc"), new ChairId("chair-2"),
                new DeviceId("sim-monitor-02"), new MessageKey("VIGIL_SIM^025649FFFE499F4F^EUI-64|VIGIL",
                "sim-monitor-02-tplo46-3334"), at, at.plusNanos(153_916_000), List.of(
                new Observation(147842, "MDC_ECG_HEART_RATE", 74.0, "/min", null),
                new Observation(150456, "MDC_PULS_OXIM_SAT_O2", 97.5, "%", null),
                new Observation(149530, "MDC_PULS_OXIM_PULS_RATE", -0.0, "/min", at.minusSeconds(48)),
                new Observation(151562, "MDC_RESP_RATE", null, "/min", null),
                new Observation(999999, "VENDOR_CODE", 12.0, "{beats}", null)));

        // when
        byte[] stored = STORE.serialize(event, byte[].class).getData();

        // then
        int jsonText = BEFORE.serialize(event, byte[].class).getData().length;
        assertThat(stored.length).isLessThan(jsonText / 3);
        Object read = STORE.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                STORE.typeForClass(ObservationsRecordedEvent.class)));
        assertThat(read).isEqualTo(event);
    }

    @Test
    void anEventsEmptyMetadataIsStoredAsItsTwoBytesOfJsonText() {
        // when
        SerializedObject<byte[]> stored = STORE.serialize(MetaData.emptyInstance(), byte[].class);

        // then compressing it would save nothing: its text is stored, and read back
        assertThat(stored.getData()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(STORE.<byte[], Object>deserialize(stored)).isEqualTo(MetaData.emptyInstance());
    }

    @Test
    void emptyMetadataStoredCompressedBeforeIsStillRead() throws Exception {
        // given "{}" as Vigil compressed it before: 0x00, dictionary 1, raw DEFLATE primed with the dictionary
        byte[] dictionary = dictionary1();
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(6, true);
        deflater.setDictionary(dictionary);
        deflater.setInput("{}".getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        byte[] compressed = new byte[64];
        int length = deflater.deflate(compressed);
        deflater.end();
        byte[] storedBefore = new byte[length + 2];
        storedBefore[0] = 0;
        storedBefore[1] = 1;
        System.arraycopy(compressed, 0, storedBefore, 2, length);

        // when
        Object read = STORE.deserialize(new SimpleSerializedObject<>(storedBefore, byte[].class,
                STORE.typeForClass(MetaData.class)));

        // then
        assertThat(read).isEqualTo(MetaData.emptyInstance());
    }

    @Test
    void theDictionaryOfTheStoredFormNeverChanges() throws Exception {
        // the stored form's dictionary is part of every stored event: a changed one would make them unreadable
        byte[] dictionary;
        try (var in = EventSerializers.class.getResourceAsStream("stored-form-dictionary-1.jsonl")) {
            dictionary = in.readAllBytes();
        }
        String sha256 = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(dictionary));

        assertThat(sha256).isEqualTo(DICTIONARY_1_SHA256);
    }

    @Test
    void aRevision1ObservationEventReadsThroughTheUpcastersAsRevision2WhetherStoredAsJsonTextOrSmile() {
        // given the revision 1 fixture, stored as JSON text (before) and in the store's form (now)
        EventFixture revision1 = EventFixture.all().stream()
                .filter(fixture -> fixture.name().equals("ObservationsRecordedEvent-1")).findFirst().orElseThrow();
        byte[] asJsonText = revision1.json().toString().getBytes(StandardCharsets.UTF_8);
        byte[] asStoredNow = STORE.getConverter().convert(revision1.json(), JsonNode.class, byte[].class);

        // when
        List<Object> read = Stream.of(asJsonText, asStoredNow)
                .map(payload -> readThroughUpcasters(revision1.payloadType(), "1", payload))
                .toList();

        // then
        Object expected = StoredEventExamples.of("ObservationsRecordedEvent-2");
        assertThat(read).containsExactly(expected, expected);
    }

    @Test
    void vigilsEventTypesAreStoredUnderTheirSimpleNameAndOtherTypesUnderTheirFullName() {
        // when
        SerializedType event = STORE.typeForClass(ObservationsRecordedEvent.class);
        SerializedType token = STORE.typeForClass(GlobalSequenceTrackingToken.class);

        // then
        assertThat(event.getName()).isEqualTo("ObservationsRecordedEvent");
        assertThat(event.getRevision()).isEqualTo("2");
        assertThat(token.getName()).isEqualTo(GlobalSequenceTrackingToken.class.getName());
        assertThat(STORE.classForType(event)).isEqualTo(ObservationsRecordedEvent.class);
    }

    @Test
    void anEventStoredUnderItsFullNameOrItsSimpleNameReadsThroughTheUpcastersAlike() {
        // given the revision 1 observation, stored under the full class name (before) and the simple name (now)
        EventFixture revision1 = EventFixture.all().stream()
                .filter(fixture -> fixture.name().equals("ObservationsRecordedEvent-1")).findFirst().orElseThrow();
        byte[] payload = STORE.getConverter().convert(revision1.json(), JsonNode.class, byte[].class);

        // when
        List<Object> read = Stream.of(ObservationsRecordedEvent.class.getName(), "ObservationsRecordedEvent")
                .map(type -> readThroughUpcasters(type, "1", payload))
                .toList();

        // then the revision 1 upcaster, which matches the full name, ran on both
        Object expected = StoredEventExamples.of("ObservationsRecordedEvent-2");
        assertThat(read).containsExactly(expected, expected);
    }

    /** As Axon's storage engines read a stored event: upcasters on the stored data, then deserialization. */
    /** The text of the stored form: after the marker and dictionary number, DEFLATE primed with dictionary 1. */
    private static byte[] inflate(byte[] stored) throws Exception {
        assertThat(stored).startsWith(0, 1);
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        inflater.setDictionary(dictionary1());
        inflater.setInput(stored, 2, stored.length - 2);
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished() && !inflater.needsInput()) {
            text.write(buffer, 0, inflater.inflate(buffer));
        }
        inflater.end();
        return text.toByteArray();
    }

    private static byte[] dictionary1() throws Exception {
        try (var in = EventSerializers.class.getResourceAsStream("stored-form-dictionary-1.jsonl")) {
            return in.readAllBytes();
        }
    }

    private static Object readThroughUpcasters(String type, String revision, byte[] payload) {
        byte[] metaData = STORE.serialize(MetaData.emptyInstance(), byte[].class).getData();
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Session",
                "7c9e6679-7425-40de-944b-e07fc1f90ae7", 7, "event-1", Instant.parse("2026-03-02T09:25:01Z"),
                type, revision, payload, metaData);
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(entry), STORE, EventSerializers.upcasters()).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }
}
