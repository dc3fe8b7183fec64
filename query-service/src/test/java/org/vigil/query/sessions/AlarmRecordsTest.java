package org.vigil.query.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.AlarmRecordView;
import org.vigil.core.api.AlarmResolvedEvent;
import org.vigil.core.api.AudioPauseEndedEvent;
import org.vigil.core.api.AudioPausedEvent;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.ProtocolRef;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Treatment;

/**
 * Who responded to each alarm and how fast, from the session's events as the sessions index and the alarm records
 * read models hold them, in an embedded database.
 */
@DataJpaTest
class AlarmRecordsTest {

    private static final SessionId SESSION = new SessionId("session-records");
    private static final ChairId CHAIR = new ChairId("chair-4");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final AlarmId LATCHED = new AlarmId("latched");
    private static final AlarmId CUFF = new AlarmId("cuff");
    private static final AlarmId SURGE = new AlarmId("surge");

    @Autowired
    private EntityManager entityManager;
    private AlarmRecords records;
    private List<AnnotationEventHandlerAdapter> readModels;
    private long sequence;

    @BeforeEach
    void readModels() {
        SessionsProjection sessions = new SessionsProjection(entityManager,
                new ObjectMapper().findAndRegisterModules());
        records = new AlarmRecords(entityManager, sessions);
        readModels = List.of(new AnnotationEventHandlerAdapter(sessions),
                new AnnotationEventHandlerAdapter(new AlarmRecordsProjection(entityManager)));
    }

    @Test
    void tellsTimeToAcknowledgeTimeToResolveWhoAndEscalation() {
        // given
        stored(new SessionStartedEvent(SESSION, CHAIR, "P", 70, 44, Treatment.IV_KETAMINE,
                new BaselineVitals(125, 78, 72, 97), new ProtocolRef("vigil-default", "2026.1"), T0));
        stored(raised(SURGE, "relative-surge", AlarmPriority.MEDIUM, AlarmKind.PHYSIOLOGICAL, 10));
        stored(new AudioPausedEvent(SESSION, CHAIR, "nurse", at(12), at(132)));
        stored(raised(LATCHED, "severe-hypertension", AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL, 20));
        stored(new AudioPauseEndedEvent(SESSION, CHAIR, AudioPauseEndedEvent.BREAK_THROUGH, LATCHED, at(20)));
        stored(new AlarmEscalatedEvent(LATCHED, SESSION, CHAIR, AlarmPriority.HIGH, "charge nurse", at(80)));
        stored(new AlarmConditionEndedEvent(LATCHED, SESSION, CHAIR, at(90)));
        stored(new AlarmAcknowledgedEvent(LATCHED, SESSION, CHAIR, "director", at(95)));
        stored(new AlarmClearedEvent(LATCHED, SESSION, CHAIR, at(95)));
        stored(raised(CUFF, "nibp-failed", AlarmPriority.LOW, AlarmKind.TECHNICAL, 100));
        stored(new AlarmResolvedEvent(CUFF, SESSION, CHAIR, "nibp-failed", "nurse", "cuff re-seated", at(130)));
        stored(new AlarmClearedEvent(CUFF, SESSION, CHAIR, at(130)));
        stored(new AlarmClearedEvent(SURGE, SESSION, CHAIR, at(200)));
        stored(new SessionEndedEvent(SESSION, CHAIR, "discharged", at(200)));

        // when
        List<AlarmRecordView> alarms = records.of(SESSION).orElseThrow();

        // then
        assertThat(alarms).extracting(AlarmRecordView::alarmId).containsExactly(SURGE, LATCHED, CUFF);
        AlarmRecordView latched = alarms.get(1);
        assertThat(latched.timeToAcknowledge()).isEqualTo(Duration.ofSeconds(75));
        assertThat(latched.escalatedAt()).isEqualTo(at(80));
        assertThat(latched.escalatedTo()).isEqualTo("charge nurse");
        assertThat(latched.resolvedBy()).isEqualTo("director");
        assertThat(latched.resolution()).isEqualTo("acknowledged after its condition ended");
        assertThat(latched.timeToResolve()).isEqualTo(Duration.ofSeconds(75));
        assertThat(latched.brokeThroughAudioPause()).isTrue();
        AlarmRecordView cuff = alarms.get(2);
        assertThat(cuff.resolvedBy()).isEqualTo("nurse");
        assertThat(cuff.resolution()).isEqualTo("resolved: cuff re-seated");
        assertThat(cuff.timeToResolve()).isEqualTo(Duration.ofSeconds(30));
        assertThat(cuff.timeToAcknowledge()).isNull();
        AlarmRecordView surge = alarms.get(0);
        assertThat(surge.resolvedBy()).isNull();
        assertThat(surge.resolution()).isEqualTo("session ended");
        assertThat(surge.brokeThroughAudioPause()).isFalse();
    }

    @Test
    void anAlarmWhoseConditionEndedClearedByItself() {
        // given
        stored(new SessionStartedEvent(SESSION, CHAIR, "P", 70, 44, Treatment.IV_KETAMINE, null,
                new ProtocolRef("vigil-default", "2026.1"), T0));
        stored(raised(SURGE, "relative-surge", AlarmPriority.MEDIUM, AlarmKind.PHYSIOLOGICAL, 10));
        stored(new AlarmClearedEvent(SURGE, SESSION, CHAIR, at(70)));

        // when
        AlarmRecordView surge = records.of(SESSION).orElseThrow().get(0);

        // then
        assertThat(surge.resolution()).isEqualTo("condition ended");
        assertThat(surge.resolvedBy()).isNull();
        assertThat(surge.timeToResolve()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anUnknownSessionHasNoRecord() {
        // when / then
        assertThat(records.of(new SessionId("unknown"))).isEmpty();
    }

    private void stored(Object event) {
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>("Session", SESSION.value(), sequence++,
                event);
        for (AnnotationEventHandlerAdapter readModel : readModels) {
            try {
                if (readModel.canHandle(message)) {
                    readModel.handle(message);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        entityManager.flush();
    }

    private static AlarmRaisedEvent raised(AlarmId id, String rule, AlarmPriority priority, AlarmKind kind,
                                           int second) {
        return new AlarmRaisedEvent(id, SESSION, CHAIR, rule, priority, kind, rule, null, at(second), at(second));
    }

    private static Instant at(int second) {
        return T0.plusSeconds(second);
    }
}
