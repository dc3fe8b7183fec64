package org.vigil.query.sessions;

import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.AlarmResolvedEvent;
import org.vigil.core.api.AudioPauseEndedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SoftLimitOverriddenEvent;
import org.vigil.query.support.ProcessingGroups;

/**
 * Every alarm of every session in the database ({@link AlarmRecordRow}), fed by the tracking processor
 * {@value ProcessingGroups#ALARM_RECORDS}: who responded to it and how fast (docs/DOMAIN.md, "Alarm behaviour"). Alarm
 * events are few, so each is written as it comes; the batch's rows stay in the transaction until it commits.
 */
@Component
@ProcessingGroup(ProcessingGroups.ALARM_RECORDS)
class AlarmRecordsProjection {

    private final EntityManager entityManager;

    AlarmRecordsProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(AlarmRaisedEvent event, @SequenceNumber Long sequence) {
        if (entityManager.find(AlarmRecordRow.class, event.alarmId().value()) == null) {
            entityManager.persist(new AlarmRecordRow(event, sequence == null ? 0 : sequence));
        }
    }

    @EventHandler
    void on(AlarmConditionEndedEvent event) {
        with(event.alarmId(), AlarmRecordRow::conditionEnded);
    }

    @EventHandler
    void on(AlarmAcknowledgedEvent event) {
        with(event.alarmId(), row -> row.acknowledged(event.user(), event.at()));
    }

    @EventHandler
    void on(AlarmEscalatedEvent event) {
        with(event.alarmId(), row -> row.escalated(event.at(), event.to()));
    }

    @EventHandler
    void on(AlarmResolvedEvent event) {
        with(event.alarmId(), row -> row.resolvedBy(event.user(), "resolved: " + event.reason()));
    }

    @EventHandler
    void on(SoftLimitOverriddenEvent event) {
        with(event.alarmId(), row -> row.resolvedBy(event.user(), "soft limit overridden: " + event.reason()));
    }

    @EventHandler
    void on(AudioPauseEndedEvent event) {
        if (event.alarmId() != null) {
            with(event.alarmId(), AlarmRecordRow::brokeThroughAudioPause);
        }
    }

    @EventHandler
    void on(AlarmClearedEvent event) {
        with(event.alarmId(), row -> row.cleared(event.at()));
    }

    @EventHandler
    void on(SessionEndedEvent event) {
        entityManager.createQuery("select a from AlarmRecordRow a where a.sessionId = :session", AlarmRecordRow.class)
                .setParameter("session", event.sessionId().value())
                .getResultList()
                .forEach(row -> row.sessionEnded(event.endedAt()));
    }

    @ResetHandler
    void reset() {
        entityManager.createQuery("delete from AlarmRecordRow").executeUpdate();
    }

    private void with(AlarmId alarm, Consumer<AlarmRecordRow> change) {
        AlarmRecordRow row = entityManager.find(AlarmRecordRow.class, alarm.value());
        if (row != null) {
            change.accept(row);
        }
    }
}
