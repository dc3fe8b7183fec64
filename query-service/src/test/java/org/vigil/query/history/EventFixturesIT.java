package org.vigil.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.GenericApplicationContext;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.query.RunningVigil;

/**
 * The golden fixtures read through the running application's event store: its serializer, whatever form it stores
 * in, and its upcasters — as the aggregates and every tracking processor read a clinic's existing database. Events
 * of today with values left out are read back as they were stored, too.
 */
class EventFixturesIT {

    private static final UpcastProbe PROBE = new UpcastProbe();

    @TempDir
    static Path data;

    private static RunningVigil vigil;

    @BeforeAll
    static void startVigil() {
        vigil = RunningVigil.startWith(data, List.of(), builder -> builder.initializers(context ->
                ((GenericApplicationContext) context).registerBean("upcastProbe", ConfigurerModule.class,
                        () -> PROBE::register)));
    }

    @AfterAll
    static void stopVigil() {
        if (vigil != null) {
            vigil.close();
        }
    }

    /** Every fixture at its revision; one of revision 1 also as stored before event types carried a revision. */
    static Stream<Arguments> storedFixtures() {
        return EventFixture.all().stream().flatMap(fixture -> fixture.revision() == 1
                ? Stream.of(arguments(fixture, "1"), arguments(fixture, null))
                : Stream.of(arguments(fixture, String.valueOf(fixture.revision()))));
    }

    @ParameterizedTest(name = "{0} stored with revision {1}")
    @MethodSource("storedFixtures")
    void everyStoredFixtureReadsAsTheEventOfToday(EventFixture fixture, String storedRevision) {
        // given
        String stream = UUID.randomUUID().toString();
        store(stream, fixture, storedRevision);

        // when
        List<Object> read = vigil.context().getBean(EventStore.class).readEvents(stream, 0).asStream()
                .map(Message::getPayload).map(Object.class::cast).toList();

        // then
        assertThat(read).containsExactly(StoredEventExamples.of(fixture.name()));
    }

    /** The fixture of each type's current revision. */
    static Stream<EventFixture> currentFixtures() {
        return EventFixture.all().stream().filter(fixture -> fixture.revision() == currentRevision(fixture));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentFixtures")
    void theCurrentRevisionsFixtureHoldsEveryFieldVigilWritesToday(EventFixture fixture) {
        // when
        SerializedObject<JsonNode> written = eventSerializer().serialize(StoredEventExamples.of(fixture.name()),
                JsonNode.class);

        // then
        assertThat(written.getType().getRevision()).isEqualTo(String.valueOf(fixture.revision()));
        assertThat(fieldsWithValues(written.getData())).as("the fields with a value that Vigil writes")
                .isEqualTo(fieldsWithValues(fixture.json()));
    }

    static Stream<Object> eventsWithAbsentValues() {
        return StoredEventExamples.withAbsentValues().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsWithAbsentValues")
    void anEventWithAbsentValuesIsReadBackAsItWasStored(Object event) {
        // given
        String stream = UUID.randomUUID().toString();
        vigil.context().getBean(TransactionManager.class).executeInTransaction(() -> vigil.context()
                .getBean(EventStorageEngine.class).appendEvents(new GenericDomainEventMessage<>("Fixture", stream,
                        0, event)));

        // when
        List<Object> read = vigil.context().getBean(EventStore.class).readEvents(stream, 0).asStream()
                .map(Message::getPayload).map(Object.class::cast).toList();

        // then
        assertThat(read).containsExactly(event);
    }

    @Test
    void aRevision1ObservationEventReachesATrackingProcessorAsRevision2() {
        // given
        EventFixture revision1 = EventFixture.all().stream()
                .filter(fixture -> fixture.name().equals("ObservationsRecordedEvent-1")).findFirst().orElseThrow();
        String unrevisioned = UUID.randomUUID().toString();
        String revisioned = UUID.randomUUID().toString();

        // when
        store(unrevisioned, revision1, null);
        store(revisioned, revision1, "1");

        // then
        ObservationsRecordedEvent expected =
                (ObservationsRecordedEvent) StoredEventExamples.of("ObservationsRecordedEvent-2");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(PROBE.received(unrevisioned)).containsExactly(expected);
            assertThat(PROBE.received(revisioned)).containsExactly(expected);
        });
    }

    private static void store(String stream, EventFixture fixture, String revision) {
        EventStorageEngine storage = vigil.context().getBean(EventStorageEngine.class);
        vigil.context().getBean(TransactionManager.class).executeInTransaction(() -> storage.appendEvents(
                new AsStored("Fixture", stream, 0, fixture.payloadType(), revision, fixture.json())));
    }

    private static Serializer eventSerializer() {
        return vigil.context().getBean("eventSerializer", Serializer.class);
    }

    private static int currentRevision(EventFixture fixture) {
        try {
            return Integer.parseInt(Class.forName(fixture.payloadType()).getAnnotation(Revision.class).value());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no event type " + fixture.payloadType(), e);
        }
    }

    /** The path of every field that holds a value ({@code observations[].value}); a {@code null} holds none. */
    private static Set<String> fieldsWithValues(JsonNode json) {
        Set<String> paths = new TreeSet<>();
        collect("", json, paths);
        return paths;
    }

    private static void collect(String path, JsonNode node, Set<String> paths) {
        if (node.isObject() && !node.isEmpty()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), paths);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            node.forEach(element -> collect(path + "[]", element, paths));
        } else if (!node.isNull()) {
            paths.add(path);
        }
    }
}
