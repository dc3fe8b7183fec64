package org.vigil.core.device;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceAlarmReportedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.RecordDeviceAlarmReportCommand;
import org.vigil.core.api.RecordDeviceObservationsCommand;
import org.vigil.core.api.RecordDevicePumpReportCommand;
import org.vigil.core.api.Vital;

class DeviceTest {

    private static final DeviceId OXIMETER = new DeviceId("oximeter-7");
    private static final DeviceId PUMP = new DeviceId("pump-7");
    private static final ChairId CHAIR = new ChairId("chair-7");
    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

    private FixtureConfiguration<Device> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Device.class);
    }

    @Test
    void recordsTheFirstMessageOfADeviceWithoutASession() {
        // given
        DeviceObservations message = spo2("MSG-1");

        // when / then
        fixture.givenNoPriorActivity()
                .when(new RecordDeviceObservationsCommand(OXIMETER, CHAIR, message))
                .expectEvents(recorded(CHAIR, message));
    }

    @Test
    void recordsTheMessageOfADeviceConfiguredForNoChair() {
        // given
        DeviceObservations message = spo2("MSG-2");

        // when / then
        fixture.given(recorded(CHAIR, spo2("MSG-1")))
                .when(new RecordDeviceObservationsCommand(OXIMETER, null, message))
                .expectEvents(recorded(null, message));
    }


    @Test
    void rejectsAMessageOfAnotherDevice() {
        // given
        DeviceObservations message = spo2("MSG-1");

        // when / then
        fixture.givenNoPriorActivity()
                .when(new RecordDeviceObservationsCommand(new DeviceId("monitor-1"), CHAIR, message))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void keepsThePumpReportOfAPumpWithoutASession() {
        // given
        PumpReport report = pumpReport("P-1");

        // when / then
        fixture.givenNoPriorActivity()
                .when(new RecordDevicePumpReportCommand(PUMP, CHAIR, report))
                .expectEvents(new PumpReportRecordedEvent(null, CHAIR, report));
    }


    @Test
    void rejectsThePumpReportOfAnotherDevice() {
        // when / then
        fixture.givenNoPriorActivity()
                .when(new RecordDevicePumpReportCommand(OXIMETER, CHAIR, pumpReport("P-1")))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("the message of device pump-7 cannot be recorded on device oximeter-7")
                .expectNoEvents();
    }

    @Test
    void keepsTheAlarmReportOfADeviceWithoutASession() {
        // given
        DeviceAlarmReport report = alarmReport("A-1");

        // when / then
        fixture.givenNoPriorActivity()
                .when(new RecordDeviceAlarmReportCommand(PUMP, null, report))
                .expectEvents(new DeviceAlarmReportedEvent(null, null, report));
    }


    private static PumpReport pumpReport(String controlId) {
        return new PumpReport(PUMP, new MessageKey("pump-7", controlId), AT, AT.plusMillis(30), PumpStatus.INFUSING,
                new PumpProgramme("ketamine", 10.0, 5.25, 3.5, 0.75, "mg/kg/h"), 0.4, 3.1, Duration.ofMinutes(35),
                List.of(new PumpAlarm(PumpAlarmKind.LOW_BATTERY, AlarmPriority.LOW, "battery 15 %", false)));
    }

    private static DeviceAlarmReport alarmReport(String controlId) {
        return new DeviceAlarmReport(PUMP, new MessageKey("pump-7", controlId), AT, AT.plusMillis(30), "7",
                "196656", 0, "Door open", AlarmPhase.START, AlarmPriority.MEDIUM, AlarmKind.TECHNICAL);
    }

    private static DeviceObservations spo2(String controlId) {
        return new DeviceObservations(OXIMETER, new MessageKey("oximeter-7", controlId), AT, AT.plusMillis(20),
                List.of(Observation.of(Vital.SPO2, 97, AT), Observation.notAvailable(Vital.PULSE_RATE, AT)));
    }

    private static ObservationsRecordedEvent recorded(ChairId chair, DeviceObservations message) {
        return ObservationsRecordedEvent.of(null, chair, message);
    }
}
