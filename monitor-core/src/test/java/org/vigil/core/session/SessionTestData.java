package org.vigil.core.session;

import java.time.Instant;
import java.util.List;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.ProtocolRef;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.RaiseAlarmCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.Vital;

/** A session at chair 3 and the messages and alarms the tests record in it. */
final class SessionTestData {

    static final SessionId SESSION = new SessionId("session-1");
    static final ChairId CHAIR = new ChairId("chair-3");
    static final DeviceId MONITOR = new DeviceId("monitor-3");
    static final DeviceId PUMP = new DeviceId("pump-3");
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final ProtocolRef PROTOCOL = new ProtocolRef("vigil-default", "2026.1");
    static final BaselineVitals BASELINE = new BaselineVitals(125, 78, 72, 98);

    static final AlarmId HIGH_ALARM = new AlarmId("alarm-high");
    static final AlarmId MEDIUM_ALARM = new AlarmId("alarm-medium");
    static final AlarmId TECHNICAL_HIGH_ALARM = new AlarmId("alarm-technical");

    private SessionTestData() {
    }

    static StartSessionCommand start() {
        return new StartSessionCommand(SESSION, CHAIR, "P-0042", 70.0, 44, Treatment.IV_KETAMINE, BASELINE,
                PROTOCOL, T0);
    }

    static SessionStartedEvent started() {
        return new SessionStartedEvent(SESSION, CHAIR, "P-0042", 70.0, 44, Treatment.IV_KETAMINE, BASELINE,
                PROTOCOL, T0);
    }

    static DeviceObservations bloodPressure(String controlId, double systolic, double diastolic) {
        Instant at = T0.plusSeconds(60);
        return new DeviceObservations(MONITOR, new MessageKey("GATEWAY", controlId), at, at.plusMillis(150),
                List.of(Observation.of(Vital.NIBP_SYSTOLIC, systolic, at),
                        Observation.of(Vital.NIBP_DIASTOLIC, diastolic, at)));
    }

    /** Ketamine 10 mg/mL, 3.5 mL to be infused: 0.5 mg/kg for the session's 70 kg. */
    static PumpProgramme ketamine(double rateMlPerHour) {
        return new PumpProgramme("ketamine", 10.0, rateMlPerHour, 3.5, null, null);
    }

    static PumpReport pumpReport(String controlId, PumpStatus status, PumpProgramme programme, PumpAlarm... alarms) {
        Instant at = T0.plusSeconds(120);
        return new PumpReport(PUMP, new MessageKey("PUMP-GW", controlId), at, at.plusMillis(80), status, programme,
                1.0, 2.5, null, List.of(alarms));
    }

    static DeviceAlarmReport alarmReport(String controlId, AlarmPhase phase) {
        Instant at = T0.plusSeconds(180);
        return new DeviceAlarmReport(PUMP, new MessageKey("PUMP-GW", controlId), at, at.plusMillis(50), "A-17",
                "196656^MDC_EVT_FLUID_LINE_OCCL^MDC", 157784, "Occlusion downstream", phase, AlarmPriority.HIGH,
                AlarmKind.TECHNICAL);
    }

    static ObservationsRecordedEvent recorded(DeviceObservations message) {
        return ObservationsRecordedEvent.of(SESSION, CHAIR, message);
    }

    static RaiseAlarmCommand raise(AlarmId alarmId, String rule, AlarmPriority priority, AlarmKind kind) {
        return new RaiseAlarmCommand(SESSION, alarmId, rule, priority, kind, rule + " condition", 186.0,
                T0.plusSeconds(60), T0.plusSeconds(61));
    }

    static AlarmRaisedEvent raised(AlarmId alarmId, String rule, AlarmPriority priority, AlarmKind kind) {
        return new AlarmRaisedEvent(alarmId, SESSION, CHAIR, rule, priority, kind, rule + " condition", 186.0,
                T0.plusSeconds(60), T0.plusSeconds(61));
    }

    static AlarmRaisedEvent highRaised() {
        return raised(HIGH_ALARM, "severe-hypertension", AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL);
    }

    static AlarmRaisedEvent mediumRaised() {
        return raised(MEDIUM_ALARM, "relative-surge", AlarmPriority.MEDIUM, AlarmKind.PHYSIOLOGICAL);
    }

    static AlarmRaisedEvent technicalHighRaised() {
        return raised(TECHNICAL_HIGH_ALARM, "device-offline", AlarmPriority.HIGH, AlarmKind.TECHNICAL);
    }
}
