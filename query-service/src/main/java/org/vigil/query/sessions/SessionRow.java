package org.vigil.query.sessions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DoseSafetyRule;
import org.vigil.core.api.ProtocolRef;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SessionSummary;
import org.vigil.core.api.Treatment;

/**
 * One session in the sessions index: who, where, when, under which protocol, and what a director filters the list
 * by — the day (start time), the chair, the patient's pseudonym, the treatment, whether a HIGH alarm was raised and
 * whether the dose departed from the prescription. The latest value of each vital is kept as JSON: it is shown,
 * never searched.
 */
@Entity
@Table(name = "session_index", indexes = {
        @Index(name = "session_index_started", columnList = "started_at"),
        @Index(name = "session_index_chair", columnList = "chair_id, started_at"),
        @Index(name = "session_index_patient", columnList = "patient_pseudonym, started_at"),
        @Index(name = "session_index_treatment", columnList = "treatment, started_at")})
class SessionRow {

    static final int VITALS_LENGTH = 16_000;

    @Id
    @Column(name = "session_id", length = 100)
    private String sessionId;

    @Column(name = "chair_id", length = 100, nullable = false)
    private String chairId;

    @Column(name = "patient_pseudonym", length = 200)
    private String patientPseudonym;

    @Column(name = "weight_kg", nullable = false)
    private double weightKg;

    @Column(name = "age_years", nullable = false)
    private int ageYears;

    @Enumerated(EnumType.STRING)
    @Column(name = "treatment", length = 40)
    private Treatment treatment;

    @Column(name = "baseline_recorded", nullable = false)
    private boolean baselineRecorded;

    @Column(name = "baseline_systolic")
    private Integer baselineSystolic;

    @Column(name = "baseline_diastolic")
    private Integer baselineDiastolic;

    @Column(name = "baseline_heart_rate")
    private Integer baselineHeartRate;

    @Column(name = "baseline_spo2")
    private Integer baselineSpo2;

    @Column(name = "protocol_name", length = 200)
    private String protocolName;

    @Column(name = "protocol_version", length = 100)
    private String protocolVersion;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "observation_messages", nullable = false)
    private long observationMessages;

    @Column(name = "high_alarms", nullable = false)
    private int highAlarms;

    @Column(name = "dose_mismatch", nullable = false)
    private boolean doseMismatch;

    @Column(name = "latest_vitals", length = VITALS_LENGTH)
    private String latestVitals;

    protected SessionRow() {
    }

    SessionRow(SessionStartedEvent started) {
        sessionId = started.sessionId().value();
        chairId = started.chairId().value();
        patientPseudonym = started.patientPseudonym();
        weightKg = started.weightKg();
        ageYears = started.ageYears();
        treatment = started.treatment();
        BaselineVitals baseline = started.baseline();
        if (baseline != null) {
            baselineRecorded = true;
            baselineSystolic = baseline.systolic();
            baselineDiastolic = baseline.diastolic();
            baselineHeartRate = baseline.heartRate();
            baselineSpo2 = baseline.spo2();
        }
        if (started.protocol() != null) {
            protocolName = started.protocol().name();
            protocolVersion = started.protocol().version();
        }
        startedAt = started.startedAt();
    }

    void ended(Instant at) {
        endedAt = at;
    }

    void countObservations(long messages) {
        observationMessages += messages;
    }

    void raised(AlarmRaisedEvent alarm) {
        if (alarm.priority() == AlarmPriority.HIGH) {
            highAlarms++;
        }
        if (DoseSafetyRule.DOSE_MISMATCH.ruleName().equals(alarm.rule())) {
            doseMismatch = true;
        }
    }

    String latestVitals() {
        return latestVitals;
    }

    void latestVitals(String json) {
        latestVitals = json;
    }

    int highAlarms() {
        return highAlarms;
    }

    boolean doseMismatch() {
        return doseMismatch;
    }

    long observationMessages() {
        return observationMessages;
    }

    String sessionId() {
        return sessionId;
    }

    SessionSummary summary() {
        BaselineVitals baseline = !baselineRecorded ? null
                : new BaselineVitals(baselineSystolic, baselineDiastolic, baselineHeartRate, baselineSpo2);
        ProtocolRef protocol = protocolName == null ? null : new ProtocolRef(protocolName, protocolVersion);
        return new SessionSummary(new SessionId(sessionId), new ChairId(chairId), patientPseudonym, weightKg,
                ageYears, treatment, baseline, protocol, startedAt, endedAt);
    }
}
