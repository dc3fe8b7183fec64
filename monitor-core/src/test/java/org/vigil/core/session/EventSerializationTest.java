package org.vigil.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.HIGH_ALARM;
import static org.vigil.core.session.SessionTestData.PUMP;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.T0;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmResolvedEvent;
import org.vigil.core.api.AudioPauseEndedEvent;
import org.vigil.core.api.AudioPausedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceAlarmReportedEvent;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DeviceRecoveredEvent;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.InfusionPrescribedEvent;
import org.vigil.core.api.InfusionProgrammedEvent;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.ProgrammeChange;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.PumpStatusChangedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SoftLimitOverriddenEvent;
import org.vigil.core.api.Vital;
import org.vigil.core.testing.JacksonTestSerializer;

/** Every event the session and device store survives Axon's Jackson serializer unchanged (XStream cannot read records). */
class EventSerializationTest {

    static Stream<Object> storedEvents() {
        PumpReport pumpReport = new PumpReport(PUMP, new MessageKey("PUMP", "1"), T0, T0.plusMillis(80),
                PumpStatus.INFUSING, new PumpProgramme("ketamine", 10.0, 52.5, 3.5, 7.5, "mg/kg/h"), 0.25, 3.25,
                Duration.ofSeconds(223), List.of(new PumpAlarm(PumpAlarmKind.OCCLUSION_DOWNSTREAM, AlarmPriority.HIGH,
                        "OCCL DOWN", true), new PumpAlarm(PumpAlarmKind.OTHER, null, null, false)));
        DeviceObservations message = new DeviceObservations(SessionTestData.MONITOR, new MessageKey("GW", "1"), null,
                T0, List.of(Observation.of(Vital.SPO2, 97, T0), Observation.notAvailable(Vital.PULSE_RATE, T0)));
        return Stream.of(
                SessionTestData.started(),
                SessionTestData.recorded(message),
                new ObservationsRecordedEvent(null, null, message.deviceId(), message.messageKey(), null, T0,
                        message.observations()),
                SessionTestData.highRaised(),
                new AlarmConditionEndedEvent(HIGH_ALARM, SESSION, CHAIR, T0),
                new AlarmAcknowledgedEvent(HIGH_ALARM, SESSION, CHAIR, "nurse", T0),
                new AlarmClearedEvent(HIGH_ALARM, SESSION, CHAIR, T0),
                new SessionEndedEvent(SESSION, CHAIR, "discharged", T0),
                new DeviceConnectedEvent(SessionTestData.MONITOR, CHAIR, "serial /dev/ttyUSB0", T0),
                new DeviceDisconnectedEvent(SessionTestData.MONITOR, null, "end of stream", T0),
                new DeviceSilentEvent(SessionTestData.MONITOR, CHAIR, Duration.ofMillis(10_500), T0.minusSeconds(11),
                        T0),
                new DeviceSilentEvent(SessionTestData.MONITOR, CHAIR, Duration.ofSeconds(10), null, T0),
                new DeviceRecoveredEvent(SessionTestData.MONITOR, CHAIR, T0.minusSeconds(11), T0),
                new PumpReportRecordedEvent(SESSION, CHAIR, pumpReport),
                new PumpReportRecordedEvent(null, null, new PumpReport(PUMP, new MessageKey("PUMP", "2"), null, T0,
                        null, null, null, null, null, null)),
                new InfusionProgrammedEvent(SESSION, CHAIR, PUMP, ProgrammeChange.RATE_CHANGED,
                        pumpReport.programme(), 5.25, T0, T0.plusMillis(80)),
                new InfusionProgrammedEvent(SESSION, CHAIR, PUMP, ProgrammeChange.FIRST_PROGRAMME,
                        new PumpProgramme(null, null, 5.25, null, null, null), null, null, T0),
                new PumpStatusChangedEvent(SESSION, CHAIR, PUMP, PumpStatus.INFUSING, PumpStatus.KVO, T0, T0),
                new PumpStatusChangedEvent(SESSION, CHAIR, PUMP, null, PumpStatus.IDLE, null, T0),
                new DeviceAlarmReportedEvent(SESSION, CHAIR, SessionTestData.alarmReport("A-1", AlarmPhase.END)),
                new DeviceAlarmReportedEvent(null, null, new DeviceAlarmReport(PUMP, new MessageKey("PUMP", "3"),
                        null, T0, null, null, 0, null, AlarmPhase.START, null, null)),
                new InfusionPrescribedEvent(SESSION, CHAIR, "ketamine", 0.5, Duration.ofMinutes(40), 10.0, 70.0,
                        35.0, 3.5, 5.25, "dr-lee", T0),
                new SoftLimitOverriddenEvent(new AlarmId("soft"), SESSION, CHAIR, "drug-library-soft-limit", "nurse",
                        "agreed with dr-lee", T0),
                new AudioPausedEvent(SESSION, CHAIR, "nurse", T0, T0.plusSeconds(120)),
                new AudioPauseEndedEvent(SESSION, CHAIR, AudioPauseEndedEvent.BREAK_THROUGH, HIGH_ALARM, T0),
                new AlarmEscalatedEvent(HIGH_ALARM, SESSION, CHAIR, AlarmPriority.HIGH, "charge nurse / provider", T0),
                new AlarmResolvedEvent(new AlarmId("cuff"), SESSION, CHAIR, "nibp-failed", "nurse", "cuff re-seated",
                        T0));
    }

    @ParameterizedTest
    @MethodSource("storedEvents")
    void survivesTheJacksonSerializer(Object event) {
        // when
        Object restored = JacksonTestSerializer.fromJson(JacksonTestSerializer.toJson(event), event.getClass());

        // then
        assertThat(restored).isEqualTo(event);
    }
}
