package org.vigil.query.sessionrecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DosingStartedEvent;
import org.vigil.core.api.InfusionPrescribedEvent;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationStartedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PatientDischargedEvent;
import org.vigil.core.api.ProtocolRef;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.Vital;

/**
 * The stored events of an IV ketamine session with a hypertensive surge: 0.5 mg/kg for 70 kg (35 mg at 1 mg/mL over
 * 40 min, 52.5 mL/h), heart rate every 10 s, a blood pressure every 5 min peaking at 184/112 at 35 min, a HIGH
 * severe-hypertension alarm escalated at 60 s and acknowledged at 95 s, a MEDIUM surge acknowledged at 20 s; the
 * infusion ends at 40 min, the patient leaves at 105 min.
 */
public final class HypertensiveIvSession {

    public static final SessionId SESSION = new SessionId("3f2a1c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b");
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    public static final Instant DOSE_START = START.plus(Duration.ofMinutes(20));
    public static final Instant PEAK_AT = DOSE_START.plus(Duration.ofMinutes(35));
    public static final Instant DISCHARGED = DOSE_START.plus(Duration.ofMinutes(105));
    public static final double DELIVERED_MG = 35.0;
    private static final ChairId CHAIR = new ChairId("chair-4");
    private static final DeviceId MONITOR = new DeviceId("monitor-4");
    private static final DeviceId PUMP = new DeviceId("pump-4");
    private static final AlarmId SURGE = new AlarmId("b1e2c3d4-0000-4000-8000-000000000001");
    private static final AlarmId SEVERE = new AlarmId("b1e2c3d4-0000-4000-8000-000000000002");

    private HypertensiveIvSession() {
    }

    /** The session's events in stored order. */
    public static List<Object> events() {
        List<Object> events = new ArrayList<>();
        events.add(new SessionStartedEvent(SESSION, CHAIR, "P-0042", 70.0, 52, Treatment.IV_KETAMINE,
                new BaselineVitals(128, 80, 72, 98), new ProtocolRef("clinic", "3"), START));
        events.add(new InfusionPrescribedEvent(SESSION, CHAIR, "ketamine", 0.5, Duration.ofMinutes(40), 1.0, 70.0,
                35.0, 35.0, 52.5, "dr-lee", START.plus(Duration.ofMinutes(10))));
        events.add(new DosingStartedEvent(SESSION, CHAIR, Treatment.IV_KETAMINE, null, PUMP, DOSE_START));
        for (int second = 0; second <= 110 * 60; second += 10) {
            Instant at = DOSE_START.plusSeconds(second);
            List<Observation> values = new ArrayList<>(List.of(Observation.of(Vital.HEART_RATE, 74, at),
                    Observation.of(Vital.SPO2, 97, at)));
            if (second % 300 == 0) {
                int minute = second / 60;
                int systolic = minute == 35 ? 184 : minute == 30 ? 170 : 128 + Math.max(0, 20 - Math.abs(minute - 35));
                int diastolic = minute == 35 ? 112 : minute == 30 ? 99 : 80 + Math.max(0, 12 - Math.abs(minute - 35));
                values.add(Observation.of(Vital.NIBP_SYSTOLIC, systolic, at));
                values.add(Observation.of(Vital.NIBP_DIASTOLIC, diastolic, at));
                values.add(Observation.of(Vital.NIBP_MEAN, Math.round((systolic + 2.0 * diastolic) / 3), at));
            }
            events.add(new ObservationsRecordedEvent(SESSION, CHAIR, MONITOR, new MessageKey("MON", "m" + second),
                    at, at.plusMillis(200), values));
            if (second % 60 == 0 && second <= 40 * 60) {
                double infused = Math.min(35.0, 52.5 * second / 3600.0);
                events.add(new PumpReportRecordedEvent(SESSION, CHAIR, new PumpReport(PUMP,
                        new MessageKey("PUMP", "p" + second), at, at.plusMillis(100),
                        second == 40 * 60 ? PumpStatus.COMPLETE : PumpStatus.INFUSING,
                        new PumpProgramme("ketamine", 1.0, 52.5, 35.0, null, null), infused, 35.0 - infused, null,
                        List.of())));
            }
            if (second == 30 * 60) {
                events.add(alarm(SURGE, "relative-surge", AlarmPriority.MEDIUM, "SBP 170 mmHg is 42 mmHg above"
                        + " baseline 128", at));
                events.add(new AlarmAcknowledgedEvent(SURGE, SESSION, CHAIR, "nurse-ann", at.plusSeconds(20)));
            }
            if (second == 35 * 60) {
                events.add(alarm(SEVERE, "severe-hypertension", AlarmPriority.HIGH, "SBP 184 mmHg is above 180", at));
                events.add(new AlarmEscalatedEvent(SEVERE, SESSION, CHAIR, AlarmPriority.HIGH,
                        "charge nurse / provider", at.plusSeconds(60)));
                events.add(new AlarmAcknowledgedEvent(SEVERE, SESSION, CHAIR, "nurse-ben", at.plusSeconds(95)));
            }
            if (second == 40 * 60) {
                events.add(new ObservationStartedEvent(SESSION, CHAIR, at, at.plus(Duration.ofMinutes(60)), null,
                        PUMP, at));
                events.add(new AlarmClearedEvent(SURGE, SESSION, CHAIR, at));
                events.add(new AlarmClearedEvent(SEVERE, SESSION, CHAIR, at));
            }
        }
        events.add(new PatientDischargedEvent(SESSION, CHAIR, List.of(), null, "nurse-ann", DISCHARGED));
        events.add(new SessionEndedEvent(SESSION, CHAIR, "discharged", DISCHARGED));
        return events;
    }

    /** The session folded as the exports read it. */
    public static SessionRecord record() {
        SessionRecord record = new SessionRecord();
        events().forEach(record::apply);
        return record;
    }

    private static AlarmRaisedEvent alarm(AlarmId id, String rule, AlarmPriority priority, String message,
                                          Instant at) {
        return new AlarmRaisedEvent(id, SESSION, CHAIR, rule, priority, AlarmKind.PHYSIOLOGICAL, message, null, at,
                at.plusMillis(300));
    }
}
