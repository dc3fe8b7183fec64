package org.vigil.query.sessions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.AlarmRecordView;
import org.vigil.core.api.AlarmView;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;

/**
 * One alarm of a session from its raise to its end, with who responded and how fast (docs/DOMAIN.md, "Alarm
 * behaviour"): what {@code GET /api/sessions/{id}/alarms} and the alarms of {@code GET /api/sessions/{id}} show.
 * Nothing is decided here; the rows follow the stored decisions.
 */
@Entity
@Table(name = "alarm_record",
        indexes = @Index(name = "alarm_record_session", columnList = "session_id, raised_sequence"))
class AlarmRecordRow {

    static final String CONDITION_ENDED = "condition ended";
    static final String ACKNOWLEDGED_AFTER_CONDITION = "acknowledged after its condition ended";
    static final String SESSION_ENDED = "session ended";

    @Id
    @Column(name = "alarm_id", length = 100)
    private String alarmId;

    @Column(name = "session_id", length = 100, nullable = false)
    private String sessionId;

    /** The raise's place in the session's stream: the order a session's alarms are listed in. */
    @Column(name = "raised_sequence", nullable = false)
    private long raisedSequence;

    @Column(name = "chair_id", length = 100)
    private String chairId;

    @Column(name = "alarm_rule", length = 100, nullable = false)
    private String rule;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority", length = 20)
    private AlarmPriority priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20)
    private AlarmKind kind;

    @Column(name = "message", length = 2000)
    private String message;

    @Column(name = "alarm_value")
    private Double value;

    @Column(name = "condition_started_at")
    private Instant conditionStartedAt;

    @Column(name = "raised_at")
    private Instant raisedAt;

    @Column(name = "condition_ended", nullable = false)
    private boolean conditionEnded;

    @Column(name = "acknowledged_by", length = 200)
    private String acknowledgedBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "escalated_to", length = 200)
    private String escalatedTo;

    @Column(name = "cleared_at")
    private Instant clearedAt;

    @Column(name = "resolved_by", length = 200)
    private String resolvedBy;

    @Column(name = "resolution", length = 2000)
    private String resolution;

    @Column(name = "broke_through", nullable = false)
    private boolean brokeThrough;

    protected AlarmRecordRow() {
    }

    AlarmRecordRow(AlarmRaisedEvent raised, long sequence) {
        alarmId = raised.alarmId().value();
        sessionId = raised.sessionId().value();
        raisedSequence = sequence;
        chairId = raised.chairId() == null ? null : raised.chairId().value();
        rule = raised.rule();
        priority = raised.priority();
        kind = raised.kind();
        message = raised.message();
        value = raised.value();
        conditionStartedAt = stored(raised.conditionStartedAt());
        raisedAt = stored(raised.raisedAt());
    }

    void conditionEnded() {
        conditionEnded = true;
    }

    void acknowledged(String user, Instant at) {
        acknowledgedBy = user;
        acknowledgedAt = stored(at);
    }

    void escalated(Instant at, String to) {
        escalatedAt = stored(at);
        escalatedTo = to;
    }

    void resolvedBy(String user, String how) {
        resolvedBy = user;
        resolution = how;
    }

    void brokeThroughAudioPause() {
        brokeThrough = true;
    }

    /**
     * An alarm whose end nobody named ended by itself, unless it was a latched alarm acknowledged after its
     * condition ended, which the acknowledgement ends; the session's end is told when it follows.
     */
    void cleared(Instant at) {
        clearedAt = stored(at);
        if (resolution == null && conditionEnded && acknowledgedAt != null && acknowledgedAt.equals(clearedAt)) {
            resolvedBy(acknowledgedBy, ACKNOWLEDGED_AFTER_CONDITION);
        }
    }

    /** The session's end cleared the alarms still active, at the moment it ended. */
    void sessionEnded(Instant at) {
        if (resolution == null && stored(at).equals(clearedAt)) {
            resolution = SESSION_ENDED;
        }
    }

    AlarmRecordView record() {
        String how = resolution != null ? resolution : clearedAt != null ? CONDITION_ENDED : null;
        return new AlarmRecordView(new AlarmId(alarmId), rule, priority, kind, message, conditionStartedAt, raisedAt,
                acknowledgedBy, acknowledgedAt, between(raisedAt, acknowledgedAt), escalatedAt, escalatedTo,
                clearedAt, resolvedBy, how, between(raisedAt, clearedAt), brokeThrough);
    }

    /** The alarm as a nurse's screen shows it. */
    AlarmView view() {
        return new AlarmView(new AlarmId(alarmId), new SessionId(sessionId), chairId == null ? null
                : new ChairId(chairId), rule, priority, kind, message, value, conditionStartedAt, raisedAt,
                conditionEnded, acknowledgedBy, acknowledgedAt, clearedAt, escalatedAt, escalatedTo);
    }

    /**
     * A moment as every store keeps it, to the millisecond (SQLite's driver stores a timestamp as milliseconds), so
     * that comparing a stored moment with one from an event gives the same answer whether or not the row was read
     * back in between: in a rebuild the row stays in memory for the whole batch, live it is read back.
     */
    private static Instant stored(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }
}
