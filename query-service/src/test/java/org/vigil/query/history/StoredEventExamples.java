package org.vigil.query.history;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.AlarmResolvedEvent;
import org.vigil.core.api.AudioPauseEndedEvent;
import org.vigil.core.api.AudioPausedEvent;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.BookingSeatedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceAlarmReportedEvent;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceBoundToChairEvent;
import org.vigil.core.api.DeviceRecoveredEvent;
import org.vigil.core.api.DeviceReportQuarantinedEvent;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.DischargeAssessedEvent;
import org.vigil.core.api.DosingStartedEvent;
import org.vigil.core.api.EscalationResolvedEvent;
import org.vigil.core.api.EsketamineDeviceAdministeredEvent;
import org.vigil.core.api.GateEvaluatedEvent;
import org.vigil.core.api.GateHoldOverriddenEvent;
import org.vigil.core.api.GateOutcome;
import org.vigil.core.api.InfusionPrescribedEvent;
import org.vigil.core.api.InfusionProgrammedEvent;
import org.vigil.core.api.InteractingMedication;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationStartedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.OutcomeInstrument;
import org.vigil.core.api.OutcomeScoreRecordedEvent;
import org.vigil.core.api.PatientCheckedInEvent;
import org.vigil.core.api.PatientDischargedEvent;
import org.vigil.core.api.PreAssessmentRecordedEvent;
import org.vigil.core.api.PreDoseLimits;
import org.vigil.core.api.ProgrammeChange;
import org.vigil.core.api.ProtocolRef;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.PumpPauseConfirmedEvent;
import org.vigil.core.api.PumpPauseFailedEvent;
import org.vigil.core.api.PumpPauseRequestedEvent;
import org.vigil.core.api.PumpStatusChangedEvent;
import org.vigil.core.api.RecordAccess;
import org.vigil.core.api.RemsItem;
import org.vigil.core.api.RemsItemCompletedEvent;
import org.vigil.core.api.SessionDeferredEvent;
import org.vigil.core.api.SessionDocumentedEvent;
import org.vigil.core.api.SessionBookedForDayEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionEscalatedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionNoteAddedEvent;
import org.vigil.core.api.SessionRecordAccessedEvent;
import org.vigil.core.api.SessionReviewedEvent;
import org.vigil.core.api.SessionScheduledEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SessionState;
import org.vigil.core.api.SessionTransferredEvent;
import org.vigil.core.api.SoftLimitOverriddenEvent;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.WorkflowRules;

/**
 * What each golden fixture under {@code src/test/resources/events/} must read as, by fixture name
 * ({@code <EventType>-<revision>}): the event in today's shape. The values are written out here, never derived from
 * configuration that may change, because the fixtures never change either.
 */
final class StoredEventExamples {

    private static final SessionId SESSION = new SessionId("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static final ChairId CHAIR = new ChairId("chair-3");
    private static final DeviceId MONITOR = new DeviceId("0012D1FFFE3A4B5C");
    private static final DeviceId PUMP = new DeviceId("pump-3");
    private static final DeviceId OXIMETER = new DeviceId("oximeter-7");
    private static final AlarmId SURGE = new AlarmId("5b1d0f3e-8a9c-4e21-b7d2-0c6e9a4f1d83");
    private static final AlarmId OCCLUSION = new AlarmId("a3e4c2d1-6f70-4b8e-9d15-2f3a7c8e0b64");
    private static final AlarmId SEVERE = new AlarmId("0f6c3b2a-9d41-4e7f-8b25-6a1e4c7d9f30");
    private static final AlarmId SOFT_LIMIT = new AlarmId("e91f2b7a-3c54-4d08-8a6e-7b2c1d9f4e05");
    private static final Instant CHECK_IN = Instant.parse("2026-03-02T08:55:12.204Z");
    private static final Instant DOSE = Instant.parse("2026-03-02T09:15:03.518Z");
    private static final Instant VITALS = Instant.parse("2026-03-02T09:25:00Z");
    private static final Instant VITALS_RECEIVED = Instant.parse("2026-03-02T09:25:00.412Z");
    private static final Instant NIBP = Instant.parse("2026-03-02T09:24:12Z");
    private static final Instant PUMP_TIME = Instant.parse("2026-03-02T09:31:40Z");
    private static final Instant PUMP_RECEIVED = Instant.parse("2026-03-02T09:31:40.087Z");
    private static final Instant ALARM = Instant.parse("2026-03-02T09:40:21.933Z");
    private static final Instant DISCHARGE = Instant.parse("2026-03-02T11:02:45.120Z");
    private static final PumpProgramme KETAMINE = new PumpProgramme("ketamine", 10.0, 5.25, 3.5, 0.5, "mg/kg/h");

    /** The monitor message both revisions of the observation fixture hold. */
    private static final ObservationsRecordedEvent VITALS_MESSAGE = new ObservationsRecordedEvent(SESSION, CHAIR,
            MONITOR, new MessageKey("GATEWAY-2", "MSG-20260302-0917"), VITALS, VITALS_RECEIVED, List.of(
                    new Observation(147842, "MDC_ECG_HEART_RATE", 72.0, "/min", null),
                    new Observation(150456, "MDC_PULS_OXIM_SAT_O2", 97.0, "%", null),
                    new Observation(149530, "MDC_PULS_OXIM_PULS_RATE", 73.0, "/min", null),
                    new Observation(151562, "MDC_RESP_RATE", 14.0, "/min", null),
                    new Observation(150021, "MDC_PRESS_BLD_NONINV_SYS", 128.0, "mm[Hg]", NIBP),
                    new Observation(150022, "MDC_PRESS_BLD_NONINV_DIA", 81.0, "mm[Hg]", NIBP),
                    new Observation(150023, "MDC_PRESS_BLD_NONINV_MEAN", 97.0, "mm[Hg]", NIBP),
                    new Observation(151708, "MDC_AWAY_CO2_ET", null, "mm[Hg]", null)));

    private static final Map<String, Object> EXAMPLES = examples();

    private StoredEventExamples() {
    }

    /** The event fixture {@code name} must read as, or {@code null} when there is none. */
    static Object of(String name) {
        return EXAMPLES.get(name);
    }

    static Set<String> names() {
        return EXAMPLES.keySet();
    }

    /** Events of today with the values a device or a user may leave out absent, as Vigil records them. */
    static List<Object> withAbsentValues() {
        Instant at = Instant.parse("2026-03-02T09:25:00.412Z");
        return List.of(
                new ObservationsRecordedEvent(null, null, OXIMETER, new MessageKey("oximeter-7", "1"), null, at,
                        List.of(new Observation(150456, "MDC_PULS_OXIM_SAT_O2", 97.0, "%", VITALS),
                                new Observation(149530, "MDC_PULS_OXIM_PULS_RATE", null, "/min", null))),
                new PumpReportRecordedEvent(null, null, new PumpReport(PUMP, new MessageKey("PUMP", "2"), null, at,
                        null, null, null, null, null, null)),
                new PumpReportRecordedEvent(SESSION, CHAIR, new PumpReport(PUMP, new MessageKey("PUMP", "3"), null,
                        at, PumpStatus.PAUSED, null, null, null, null, List.of(new PumpAlarm(PumpAlarmKind.OTHER,
                                null, null, false)))),
                new InfusionProgrammedEvent(SESSION, CHAIR, PUMP, ProgrammeChange.FIRST_PROGRAMME,
                        new PumpProgramme(null, null, 5.25, null, null, null), null, null, at),
                new PumpStatusChangedEvent(SESSION, CHAIR, PUMP, null, PumpStatus.IDLE, null, at),
                new DeviceAlarmReportedEvent(null, null, new DeviceAlarmReport(PUMP, new MessageKey("PUMP", "4"),
                        null, at, null, null, 0, null, AlarmPhase.START, null, null)),
                new DeviceDisconnectedEvent(OXIMETER, null, "end of stream", at),
                new DeviceSilentEvent(OXIMETER, CHAIR, Duration.ofSeconds(10), null, at),
                new AlarmRaisedEvent(SURGE, SESSION, CHAIR, "device-offline", AlarmPriority.HIGH,
                        AlarmKind.TECHNICAL, "oximeter-7 sends no data", null, null, at),
                new PreAssessmentRecordedEvent(SESSION, CHAIR, 71.8, new BaselineVitals(128, 80, null, null),
                        Set.of(), false, null, "nurse", at),
                new DosingStartedEvent(SESSION, CHAIR, Treatment.ESKETAMINE, "nurse", null, at),
                new ObservationStartedEvent(SESSION, CHAIR, at, at.plus(Duration.ofHours(2)), "nurse", null, at),
                new DischargeAssessedEvent(SESSION, CHAIR, true, List.of(), null, null, null, 10, "nurse", at),
                new PatientDischargedEvent(SESSION, CHAIR, List.of(), null, "nurse", at),
                new EscalationResolvedEvent(SESSION, CHAIR, SessionState.DOSING, null, "director", at),
                new SessionDocumentedEvent(SESSION, CHAIR, null, "nurse", at),
                new SessionReviewedEvent(SESSION, CHAIR, null, "director", at),
                new SessionEndedEvent(SESSION, CHAIR, null, at));
    }

    private static Map<String, Object> examples() {
        Map<String, Object> examples = new LinkedHashMap<>();
        sessionAndWorkflow(examples);
        recordsOfDevices(examples);
        alarms(examples);
        return examples;
    }

    private static void sessionAndWorkflow(Map<String, Object> examples) {
        examples.put("SessionStartedEvent-1", new SessionStartedEvent(SESSION, CHAIR, "P-0042", 72.5, 44,
                Treatment.IV_KETAMINE, new BaselineVitals(126, 79, 71, 98), new ProtocolRef("vigil-default",
                        "2026.1"), Instant.parse("2026-03-02T08:50:00Z")));
        examples.put("SessionScheduledEvent-1", new SessionScheduledEvent(SESSION, CHAIR, "nurse",
                Instant.parse("2026-03-02T08:50:00Z")));
        examples.put("PatientCheckedInEvent-1", new PatientCheckedInEvent(SESSION, CHAIR, new WorkflowRules(
                new PreDoseLimits(140.0, 65, 150.0, 90.0), Duration.ofHours(2), Duration.ofHours(1),
                Duration.ofMinutes(5), 3, Duration.ofMinutes(40), Duration.ofMinutes(10), Duration.ofMinutes(15),
                20.0, 95.0, 9, Duration.ofMinutes(15)), "nurse", CHECK_IN));
        examples.put("PreAssessmentRecordedEvent-1", new PreAssessmentRecordedEvent(SESSION, CHAIR, 71.8,
                new BaselineVitals(128, 80, 70, 98), Set.of(InteractingMedication.BENZODIAZEPINE), true,
                "partner drives", "nurse", Instant.parse("2026-03-02T09:02:31.877Z")));
        examples.put("GateEvaluatedEvent-1", new GateEvaluatedEvent(SESSION, CHAIR, GateOutcome.HOLD, 152, 84,
                "monitor", List.of("SBP 152 mmHg is above 140"), "nurse", Instant.parse("2026-03-02T09:06:10Z")));
        examples.put("GateHoldOverriddenEvent-1", new GateHoldOverriddenEvent(SESSION, CHAIR,
                List.of("SBP 152 mmHg is above 140"), "white-coat effect, 138/82 on repeat", "director",
                Instant.parse("2026-03-02T09:10:44.310Z")));
        examples.put("DosingStartedEvent-1", new DosingStartedEvent(SESSION, CHAIR, Treatment.IV_KETAMINE, null,
                PUMP, DOSE));
        examples.put("EsketamineDeviceAdministeredEvent-1", new EsketamineDeviceAdministeredEvent(SESSION, CHAIR,
                2, "nurse", Instant.parse("2026-03-02T09:20:05.002Z")));
        examples.put("ObservationStartedEvent-1", new ObservationStartedEvent(SESSION, CHAIR,
                Instant.parse("2026-03-02T09:55:03Z"), Instant.parse("2026-03-02T10:55:03Z"), null, PUMP,
                Instant.parse("2026-03-02T09:55:03Z")));
        examples.put("DischargeAssessedEvent-1", new DischargeAssessedEvent(SESSION, CHAIR, false,
                List.of("SBP 152 mmHg is 24 mmHg above baseline 128 (at most 20)"), 152, 82, 97.0, 9, "nurse",
                Instant.parse("2026-03-02T10:58:00Z")));
        examples.put("PatientDischargedEvent-1", new PatientDischargedEvent(SESSION, CHAIR,
                List.of("SBP 152 mmHg is 24 mmHg above baseline 128 (at most 20)"), "usual level for this patient",
                "director", DISCHARGE));
        examples.put("SessionDeferredEvent-1", new SessionDeferredEvent(SESSION, CHAIR, "BP 168/96 on repeat",
                "nurse", Instant.parse("2026-03-02T09:12:00Z")));
        examples.put("SessionEscalatedEvent-1", new SessionEscalatedEvent(SESSION, CHAIR, SessionState.OBSERVATION,
                "agitated, dissociation beyond the usual", "nurse", Instant.parse("2026-03-02T10:05:30Z")));
        examples.put("EscalationResolvedEvent-1", new EscalationResolvedEvent(SESSION, CHAIR,
                SessionState.OBSERVATION, "settled after reassurance", "director",
                Instant.parse("2026-03-02T10:21:00Z")));
        examples.put("SessionTransferredEvent-1", new SessionTransferredEvent(SESSION, CHAIR, SessionState.ESCALATED,
                "chest pain, ECG changes", "director", Instant.parse("2026-03-02T10:12:00Z")));
        examples.put("SessionNoteAddedEvent-1", new SessionNoteAddedEvent(SESSION, CHAIR,
                "called home, partner on the way", "nurse", Instant.parse("2026-03-02T10:40:00Z")));
        examples.put("SessionDocumentedEvent-1", new SessionDocumentedEvent(SESSION, CHAIR, "uneventful session",
                "nurse", Instant.parse("2026-03-02T11:10:00Z")));
        examples.put("SessionReviewedEvent-1", new SessionReviewedEvent(SESSION, CHAIR, "fine", "director",
                Instant.parse("2026-03-03T08:30:00Z")));
        examples.put("RemsItemCompletedEvent-1", new RemsItemCompletedEvent(SESSION, RemsItem.LOT_NUMBERS,
                "AB1234, AB1235", "director", Instant.parse("2026-03-03T08:20:00Z")));
        examples.put("OutcomeScoreRecordedEvent-1", new OutcomeScoreRecordedEvent(SESSION, OutcomeInstrument.MADRS,
                18, Instant.parse("2026-03-09T09:00:00Z"), "director", Instant.parse("2026-03-09T09:20:00Z")));
        examples.put("DeviceReportQuarantinedEvent-1", new DeviceReportQuarantinedEvent(
                "quarantine-0b7e3f4c-2d51-4a8e-9c3f-5e1d2a6b7c80",
                "ACME_Gateway^080019FFFE3ED02D^EUI-64|ACME Healthcare", "080019FFFE3ED02D172.16.172.135",
                "10.20.30.40", "0104ef190d604db188c3", "the sender is not configured in Vigil", false,
                Instant.parse("2026-03-02T09:26:00.153Z")));
        examples.put("SessionRecordAccessedEvent-1", new SessionRecordAccessedEvent(SESSION, RecordAccess.TIMELINE,
                "director", 57, Instant.parse("2026-03-03T08:25:01.250Z"), Instant.parse("2026-03-03T08:25:59.800Z"),
                Instant.parse("2026-03-02T09:30:00Z"), Instant.parse("2026-03-02T10:27:00Z")));
        examples.put("SessionBookedForDayEvent-1", new SessionBookedForDayEvent("2026-03-02",
                "2f1b7c3e-8d4a-4b6e-9c1d-5a7e3f9b2c10", "P-0042", 71.8, 34, Treatment.IV_KETAMINE, "nurse",
                Instant.parse("2026-02-27T15:40:00Z")));
        examples.put("BookingSeatedEvent-1", new BookingSeatedEvent("2026-03-02",
                "2f1b7c3e-8d4a-4b6e-9c1d-5a7e3f9b2c10", SESSION, CHAIR, "nurse", Instant.parse("2026-03-02T08:55:00Z")));
        examples.put("SessionEndedEvent-1", new SessionEndedEvent(SESSION, CHAIR, "discharged", DISCHARGE));
        examples.put("InfusionPrescribedEvent-1", new InfusionPrescribedEvent(SESSION, CHAIR, "ketamine", 0.5,
                Duration.ofMinutes(40), 10.0, 71.8, 35.9, 3.59, 5.385, "dr-lee",
                Instant.parse("2026-03-02T09:08:00Z")));
    }

    private static void recordsOfDevices(Map<String, Object> examples) {
        examples.put("ObservationsRecordedEvent-1", VITALS_MESSAGE);
        examples.put("ObservationsRecordedEvent-2", VITALS_MESSAGE);
        PumpReport report = new PumpReport(PUMP, new MessageKey("PUMP-GW", "7731"), PUMP_TIME, PUMP_RECEIVED,
                PumpStatus.INFUSING, KETAMINE, 1.35, 2.15, Duration.ofSeconds(1474), List.of(new PumpAlarm(
                        PumpAlarmKind.OCCLUSION_DOWNSTREAM, AlarmPriority.HIGH, "OCCL DOWN", true)));
        examples.put("PumpReportRecordedEvent-1", new PumpReportRecordedEvent(SESSION, CHAIR, report));
        examples.put("InfusionProgrammedEvent-1", new InfusionProgrammedEvent(SESSION, CHAIR, PUMP,
                ProgrammeChange.RATE_CHANGED, KETAMINE, 4.8, PUMP_TIME, PUMP_RECEIVED));
        examples.put("PumpStatusChangedEvent-1", new PumpStatusChangedEvent(SESSION, CHAIR, PUMP,
                PumpStatus.INFUSING, PumpStatus.KVO, PUMP_TIME, PUMP_RECEIVED));
        examples.put("DeviceAlarmReportedEvent-1", new DeviceAlarmReportedEvent(SESSION, CHAIR,
                new DeviceAlarmReport(PUMP, new MessageKey("PUMP-GW", "7732"), PUMP_TIME, PUMP_RECEIVED, "A-17",
                        "196656^MDC_EVT_FLUID_LINE_OCCL^MDC", 157784, "Occlusion downstream", AlarmPhase.START,
                        AlarmPriority.HIGH, AlarmKind.TECHNICAL)));
        examples.put("PumpPauseRequestedEvent-1", new PumpPauseRequestedEvent(SESSION, CHAIR, PUMP, SEVERE,
                "severe-hypertension", Instant.parse("2026-03-02T09:52:10.204Z")));
        examples.put("PumpPauseConfirmedEvent-1", new PumpPauseConfirmedEvent(SESSION, CHAIR, PUMP, SEVERE,
                PumpStatus.STOPPED, Instant.parse("2026-03-02T09:52:12Z"), Instant.parse("2026-03-02T09:52:12.131Z")));
        examples.put("PumpPauseFailedEvent-1", new PumpPauseFailedEvent(SESSION, CHAIR, PUMP, SEVERE,
                "pump-3 did not show the pause within 10 s", Instant.parse("2026-03-02T09:52:20.204Z")));
        examples.put("DeviceConnectedEvent-1", new DeviceConnectedEvent(OXIMETER, CHAIR, "serial /dev/ttyUSB0",
                Instant.parse("2026-03-02T07:30:02.115Z")));
        examples.put("DeviceDisconnectedEvent-1", new DeviceDisconnectedEvent(OXIMETER, CHAIR, "end of stream",
                Instant.parse("2026-03-02T09:44:10.640Z")));
        examples.put("DeviceSilentEvent-1", new DeviceSilentEvent(OXIMETER, CHAIR, Duration.ofMillis(10_500),
                Instant.parse("2026-03-02T09:43:59.500Z"), Instant.parse("2026-03-02T09:44:10Z")));
        examples.put("DeviceRecoveredEvent-1", new DeviceRecoveredEvent(OXIMETER, CHAIR,
                Instant.parse("2026-03-02T09:43:59.500Z"), Instant.parse("2026-03-02T09:46:31.208Z")));
        examples.put("DeviceBoundToChairEvent-1", new DeviceBoundToChairEvent(OXIMETER, CHAIR, "engineer",
                Instant.parse("2026-03-02T09:47:02Z")));
    }

    private static void alarms(Map<String, Object> examples) {
        examples.put("AlarmRaisedEvent-1", new AlarmRaisedEvent(SURGE, SESSION, CHAIR, "relative-surge",
                AlarmPriority.MEDIUM, AlarmKind.PHYSIOLOGICAL, "SBP 158 mmHg is 30 mmHg above baseline 128", 158.0,
                Instant.parse("2026-03-02T09:40:06Z"), ALARM));
        examples.put("AlarmAcknowledgedEvent-1", new AlarmAcknowledgedEvent(SURGE, SESSION, CHAIR, "nurse",
                Instant.parse("2026-03-02T09:40:52.377Z")));
        examples.put("AlarmConditionEndedEvent-1", new AlarmConditionEndedEvent(SURGE, SESSION, CHAIR,
                Instant.parse("2026-03-02T09:46:00Z")));
        examples.put("AlarmClearedEvent-1", new AlarmClearedEvent(SURGE, SESSION, CHAIR,
                Instant.parse("2026-03-02T09:46:00Z")));
        examples.put("AlarmEscalatedEvent-1", new AlarmEscalatedEvent(OCCLUSION, SESSION, CHAIR, AlarmPriority.HIGH,
                "charge nurse / provider", Instant.parse("2026-03-02T09:33:40.087Z")));
        examples.put("AlarmResolvedEvent-1", new AlarmResolvedEvent(OCCLUSION, SESSION, CHAIR,
                "pump-occlusion", "nurse", "line unkinked, infusion resumed",
                Instant.parse("2026-03-02T09:34:12Z")));
        examples.put("SoftLimitOverriddenEvent-1", new SoftLimitOverriddenEvent(SOFT_LIMIT, SESSION, CHAIR,
                "drug-library-soft-limit", "nurse", "agreed with dr-lee", Instant.parse("2026-03-02T09:14:20Z")));
        examples.put("AudioPausedEvent-1", new AudioPausedEvent(SESSION, CHAIR, "nurse", ALARM.plusSeconds(5),
                ALARM.plusSeconds(125)));
        examples.put("AudioPauseEndedEvent-1", new AudioPauseEndedEvent(SESSION, CHAIR,
                AudioPauseEndedEvent.BREAK_THROUGH, OCCLUSION, Instant.parse("2026-03-02T09:41:02Z")));
    }
}
