package org.vigil.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.session.SessionTestData.HIGH_ALARM;
import static org.vigil.core.session.SessionTestData.MEDIUM_ALARM;
import static org.vigil.core.session.SessionTestData.MONITOR;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.WorkflowTestData.ASSESSED;
import static org.vigil.core.session.WorkflowTestData.ASSESSED_AT;
import static org.vigil.core.session.WorkflowTestData.CHECKED_IN_AT;
import static org.vigil.core.session.WorkflowTestData.GATE_AT;
import static org.vigil.core.session.WorkflowTestData.RULES;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AcknowledgeAlarmCommand;
import org.vigil.core.api.AddSessionNoteCommand;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AudioPauseEndedEvent;
import org.vigil.core.api.CheckInPatientCommand;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DosingStartedEvent;
import org.vigil.core.api.EndAlarmConditionCommand;
import org.vigil.core.api.EscalateAlarmCommand;
import org.vigil.core.api.EvaluateGateCommand;
import org.vigil.core.api.GateOutcome;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PauseAudioCommand;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.RecordAlarmReportCommand;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.RecordPreAssessmentCommand;
import org.vigil.core.api.RecordPumpReportCommand;
import org.vigil.core.api.StartObservationCommand;
import org.vigil.core.api.Vital;
import org.vigil.core.testing.TwinClinics;

/**
 * A session loaded from a snapshot and the events after it decides as one loaded from all its events: alarms, the
 * audio pause, pumps and the workflow, across several snapshots. (Resends are recognised before a message reaches
 * the session, by the application's duplicate check.)
 */
class SessionSnapshotTest {

    private static final int THRESHOLD = 5;

    @Test
    void aSessionLoadedFromASnapshotDecidesAsOneLoadedFromEveryEvent() {
        try (TwinClinics clinics = new TwinClinics(THRESHOLD)) {
            // given a session checked in, assessed and at its gate, with readings and alarms across snapshots
            clinics.send(SessionTestData.start());
            clinics.send(new CheckInPatientCommand(SESSION, RULES, "nurse", CHECKED_IN_AT));
            clinics.send(new RecordPreAssessmentCommand(SESSION, 71.5, ASSESSED, Set.of(), true, "partner drives",
                    "nurse", ASSESSED_AT));
            for (int i = 1; i <= 12; i++) {
                clinics.send(new RecordObservationsCommand(SESSION, vitals("M-" + i, 120 + i,
                        ASSESSED_AT.plusSeconds(10L * i))));
            }
            assertThat(clinics.send(new EvaluateGateCommand(SESSION, null, null, "nurse", GATE_AT)))
                    .isEqualTo(GateOutcome.PASS);
            clinics.send(SessionTestData.raise(HIGH_ALARM, "severe-hypertension", AlarmPriority.HIGH,
                    AlarmKind.PHYSIOLOGICAL));
            clinics.send(SessionTestData.raise(MEDIUM_ALARM, "relative-surge", AlarmPriority.MEDIUM,
                    AlarmKind.PHYSIOLOGICAL));
            clinics.send(new PauseAudioCommand(SESSION, "nurse", GATE_AT.plusSeconds(30)));
            clinics.send(new AcknowledgeAlarmCommand(SESSION, MEDIUM_ALARM, "nurse", GATE_AT.plusSeconds(40)));
            clinics.send(new EndAlarmConditionCommand(SESSION, HIGH_ALARM, GATE_AT.plusSeconds(50)));
            clinics.send(new RecordPumpReportCommand(SESSION,
                    WorkflowTestData.pumpAt("P-1", PumpStatus.INFUSING, GATE_AT.plusSeconds(60))));
            clinics.send(new RecordAlarmReportCommand(SESSION, SessionTestData.alarmReport("A-1", AlarmPhase.START)));
            for (int i = 13; i <= 20; i++) {
                clinics.send(new RecordObservationsCommand(SESSION, vitals("M-" + i, 130, GATE_AT.plusSeconds(i))));
            }

            // when it is asked what only its history can answer
            clinics.send(SessionTestData.raise(HIGH_ALARM, "severe-hypertension", AlarmPriority.HIGH,
                    AlarmKind.PHYSIOLOGICAL));
            Object escalated = clinics.send(new EscalateAlarmCommand(SESSION, HIGH_ALARM, "charge nurse",
                    GATE_AT.plusSeconds(120)));
            Object escalatedAgain = clinics.send(new EscalateAlarmCommand(SESSION, HIGH_ALARM, "charge nurse",
                    GATE_AT.plusSeconds(121)));
            clinics.send(new AcknowledgeAlarmCommand(SESSION, HIGH_ALARM, "nurse", GATE_AT.plusSeconds(130)));
            clinics.send(SessionTestData.raise(new AlarmId("alarm-later"), "desaturation", AlarmPriority.MEDIUM,
                    AlarmKind.PHYSIOLOGICAL));
            clinics.send(new StartObservationCommand(SESSION, "nurse", GATE_AT.plusSeconds(100)));
            clinics.send(new StartObservationCommand(SESSION, "nurse", GATE_AT.plus(Duration.ofMinutes(40))));
            clinics.send(new AddSessionNoteCommand(SESSION, "calm", "nurse", GATE_AT.plus(Duration.ofMinutes(41))));

            // then both decided alike throughout, and the second from snapshots
            assertThat(escalated).isEqualTo(true);
            assertThat(escalatedAgain).isEqualTo(false);
            List<Object> events = clinics.sameEvents(SESSION.value());
            assertThat(events).hasAtLeastOneElementOfType(DosingStartedEvent.class)
                    .hasAtLeastOneElementOfType(AudioPauseEndedEvent.class)
                    .contains(new AlarmClearedEvent(HIGH_ALARM, SESSION, SessionTestData.CHAIR,
                            GATE_AT.plusSeconds(130)));
            assertThat(events.stream().filter(ObservationsRecordedEvent.class::isInstance)).hasSize(20);
            assertThat(clinics.snapshotAt(SESSION.value()))
                    .hasValueSatisfying(sequence -> assertThat(sequence).isGreaterThan(events.size() - THRESHOLD - 1));
            assertThat(clinics.loadsFromSnapshot()).isGreaterThan(20);
        }
    }

    private static DeviceObservations vitals(String controlId, int systolic, Instant at) {
        return new DeviceObservations(MONITOR, new MessageKey("GATEWAY", controlId), at, at.plusMillis(150),
                List.of(Observation.of(Vital.NIBP_SYSTOLIC, systolic, at),
                        Observation.of(Vital.NIBP_DIASTOLIC, 80, at), Observation.of(Vital.SPO2, 97, at)));
    }
}
