package org.vigil.query.chairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.AudioPausedEvent;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.ChairView;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.Vital;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.live.LiveStream;
import org.vigil.query.settings.DeviceBindings;
import org.vigil.query.settings.VigilProperties;

/**
 * The replay from checkpoints answers every moment as a fold of every event up to it would, in any order of
 * moments, and reads on when the streams grow: a session of {@value #MESSAGES} monitor messages with alarms, an
 * audio pause and its monitor's link lost and found, in an in-memory event store.
 */
class SessionReplayTest {

    private static final int MESSAGES = 1_000;
    private static final SessionId SESSION = new SessionId("s-1");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final DeviceId MONITOR = new DeviceId("monitor-1");
    private static final Instant START = Instant.parse("2026-11-21T09:00:00Z");
    private static final ClinicProtocol PROTOCOL = ClinicProtocol.loadDefault();

    private final EventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final DeviceBindings bindings = new DeviceBindings(new VigilProperties(null, null, List.of("chair-1"),
            List.of(new VigilProperties.DeviceEntry("monitor-1", "chair-1", "hl7-mllp", "listener", null, null,
                    "UTC", null, List.of())), null));
    private final List<DomainEventMessage<?>> written = new ArrayList<>();
    private long sessionSequence;
    private long deviceSequence;

    @Test
    void answersEveryMomentAsAFoldOfEveryEventUpToItWould() {
        // given
        session(0, MESSAGES);
        SessionReplay replay = new SessionReplay(SESSION, store, bindings, PROTOCOL);
        Random random = new Random(7);

        // when / then: moments in random order, exact event times and the moments between them
        for (int i = 0; i < 60; i++) {
            Instant at = START.plusMillis(random.nextInt(MESSAGES * 1000 + 5000));
            assertThat(replay.at(at)).as("at %s", at).contains(foldUpTo(at));
        }
        for (DomainEventMessage<?> event : written.subList(written.size() - 60, written.size())) {
            assertThat(replay.at(event.getTimestamp())).contains(foldUpTo(event.getTimestamp()));
        }
    }

    @Test
    void readsOnWhenTheSessionGoesOn() {
        // given a replay asked once, then more messages stored
        session(0, 300);
        SessionReplay replay = new SessionReplay(SESSION, store, bindings, PROTOCOL);
        Instant end = START.plusSeconds(MESSAGES + 10);
        assertThat(replay.at(end)).contains(foldUpTo(end));

        // when
        session(300, MESSAGES);

        // then
        assertThat(replay.at(end)).contains(foldUpTo(end));
        assertThat(replay.at(START.plusSeconds(650))).contains(foldUpTo(START.plusSeconds(650)));
    }

    @Test
    void knowsNothingBeforeTheSessionStarted() {
        session(0, 10);

        assertThat(new SessionReplay(SESSION, store, bindings, PROTOCOL).at(START.minusSeconds(1))).isEmpty();
        assertThat(new SessionReplay(new SessionId("unknown"), store, bindings, PROTOCOL).started()).isFalse();
    }

    /** Messages {@code from} to {@code to}, one a second, with an alarm, an audio pause and a link outage. */
    private void session(int from, int to) {
        if (from == 0) {
            device(new DeviceConnectedEvent(MONITOR, CHAIR, "tcp", START.minusSeconds(60)), START.minusSeconds(60));
            append(new SessionStartedEvent(SESSION, CHAIR, "P-1", 70, 40, Treatment.IV_KETAMINE,
                    new BaselineVitals(120, 80, 70, 97), PROTOCOL.ref(), START), START);
        }
        for (int m = from; m < to; m++) {
            Instant at = START.plusSeconds(m + 1);
            List<Observation> values = new ArrayList<>(List.of(Observation.of(Vital.HEART_RATE, 60 + m % 20, at)));
            if (m % 300 == 0) {
                values.add(Observation.of(Vital.NIBP_SYSTOLIC, 120 + m % 70, at));
                values.add(Observation.of(Vital.NIBP_DIASTOLIC, 80 + m % 20, at));
            }
            append(new ObservationsRecordedEvent(SESSION, CHAIR, MONITOR, new MessageKey("monitor-1", "m" + m), at,
                    at, values), at);
            if (m % 250 == 100) {
                AlarmId alarm = new AlarmId("a" + m);
                append(new AlarmRaisedEvent(alarm, SESSION, CHAIR, "severe-hypertension", AlarmPriority.HIGH,
                        AlarmKind.PHYSIOLOGICAL, "SBP 190", 190.0, at, at), at);
                append(new AudioPausedEvent(SESSION, CHAIR, "nurse", at.plusMillis(300), at.plusSeconds(120)),
                        at.plusMillis(300));
                append(new AlarmAcknowledgedEvent(alarm, SESSION, CHAIR, "nurse", at.plusMillis(500)),
                        at.plusMillis(500));
                append(new AlarmClearedEvent(alarm, SESSION, CHAIR, at.plusMillis(700)), at.plusMillis(700));
            }
            if (m % 400 == 200) {
                device(new DeviceDisconnectedEvent(MONITOR, CHAIR, "reset", at.plusMillis(100)), at.plusMillis(100));
                device(new DeviceConnectedEvent(MONITOR, CHAIR, "tcp", at.plusSeconds(30)), at.plusSeconds(30));
            }
        }
    }

    private void append(Object payload, Instant at) {
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("Session", SESSION.value(), sessionSequence++,
                payload, Map.of(), UUID.randomUUID().toString(), at);
        written.add(event);
        store.publish(event);
    }

    private void device(Object payload, Instant at) {
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("Device", MONITOR.value(), deviceSequence++,
                payload, Map.of(), UUID.randomUUID().toString(), at);
        written.add(event);
        store.publish(event);
    }

    /** The live view's fold of every event stored up to {@code at}, in stored-time order, from nothing. */
    private ChairView foldUpTo(Instant at) {
        ChairsProjection chairs = new ChairsProjection(bindings, new LiveStream(), PROTOCOL,
                Clock.fixed(at, ZoneOffset.UTC));
        AnnotationEventHandlerAdapter fold = new AnnotationEventHandlerAdapter(chairs);
        written.stream().filter(e -> !e.getTimestamp().isAfter(at))
                .sorted(Comparator.comparing(DomainEventMessage::getTimestamp))
                .forEach(event -> {
                    try {
                        fold.handle(event);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        return chairs.chairAt(CHAIR, at);
    }
}
