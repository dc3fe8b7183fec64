package org.vigil.core.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionNoteAddedEvent;
import org.vigil.core.api.Vital;
import org.vigil.core.testing.JacksonTestSerializer;

/** Stored events of every earlier shape are read in the current one through {@link EventUpcasters#chain()}. */
class EventUpcastersTest {

    private static final ObjectMapper JSON = JacksonTestSerializer.objectMapper();
    private static final Instant MESSAGE_TIME = Instant.parse("2026-03-02T09:15:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-03-02T09:15:00.210Z");

    /** Revision 1 as Vigil stored it: every observation repeats the message's time, one has its own, one none. */
    private static final String REVISION_1 = """
            {"sessionId":"s-1","chairId":"chair-3","deviceId":"monitor-7",
             "messageKey":{"sender":"GW","controlId":"42"},
             "deviceTime":"2026-03-02T09:15:00Z","receivedAt":"2026-03-02T09:15:00.210Z",
             "observations":[
              {"mdcCode":150456,"label":"MDC_PULS_OXIM_SAT_O2","value":97.0,"unit":"%",
               "deviceTime":"2026-03-02T09:15:00Z"},
              {"mdcCode":150021,"label":"MDC_PRESS_BLD_NONINV_SYS","value":128.0,"unit":"mm[Hg]",
               "deviceTime":"2026-03-02T09:13:40Z"},
              {"mdcCode":147842,"label":"MDC_ECG_HEART_RATE","value":null,"unit":"/min","deviceTime":null}]}
            """;

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "1")
    void readsAnObservationEventOfRevision1WithoutTheRepeatedTimes(String storedRevision) {
        // when
        Object read = readThroughTheChain(ObservationsRecordedEvent.class.getName(), storedRevision, REVISION_1);

        // then
        assertThat(read).isEqualTo(new ObservationsRecordedEvent(new SessionId("s-1"), new ChairId("chair-3"),
                new DeviceId("monitor-7"), new MessageKey("GW", "42"), MESSAGE_TIME, RECEIVED, List.of(
                        Observation.of(Vital.SPO2, 97, null),
                        Observation.of(Vital.NIBP_SYSTOLIC, 128, Instant.parse("2026-03-02T09:13:40Z")),
                        Observation.notAvailable(Vital.HEART_RATE, null))));
    }

    @Test
    void readsTheRepeatedTimeAsTheMessagesTime() {
        // given
        ObservationsRecordedEvent read = (ObservationsRecordedEvent) readThroughTheChain(
                ObservationsRecordedEvent.class.getName(), "1", REVISION_1);

        // then
        assertThat(read.observations()).extracting(read::deviceTimeOf)
                .containsExactly(MESSAGE_TIME, Instant.parse("2026-03-02T09:13:40Z"), MESSAGE_TIME);
    }

    @Test
    void writesAndReadsRevision2WithoutTheRepeatedTimes() {
        // given
        ObservationsRecordedEvent event = ObservationsRecordedEvent.of(new SessionId("s-1"), new ChairId("chair-3"),
                new DeviceObservations(new DeviceId("monitor-7"), new MessageKey("GW", "43"),
                        MESSAGE_TIME, RECEIVED, List.of(Observation.of(Vital.SPO2, 96, MESSAGE_TIME))));
        String stored = JacksonTestSerializer.toJson(event);

        // when
        Object read = readThroughTheChain(ObservationsRecordedEvent.class.getName(), "2", stored);

        // then
        assertThat(stored).containsOnlyOnce("deviceTime");
        assertThat(read).isEqualTo(event);
    }

    @Test
    void readsAnEventStoredWithoutARevisionAsItWas() {
        // given
        SessionNoteAddedEvent note = new SessionNoteAddedEvent(new SessionId("s-1"), new ChairId("chair-3"),
                "called home", "nurse", MESSAGE_TIME);

        // when
        Object read = readThroughTheChain(SessionNoteAddedEvent.class.getName(), null,
                JacksonTestSerializer.toJson(note));

        // then
        assertThat(read).isEqualTo(note);
    }

    private static Object readThroughTheChain(String type, String revision, String payload) {
        GenericDomainEventEntry<JsonNode> stored = new GenericDomainEventEntry<>("Session", "s-1", 7, "event-1",
                RECEIVED, type, revision, json(payload), json("{}"));
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored),
                        JacksonTestSerializer.serializer(), EventUpcasters.chain())
                .next().getPayload();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
