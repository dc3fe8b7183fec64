package org.vigil.core.device;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.RecordDeviceObservationsCommand;
import org.vigil.core.api.Vital;

class DeviceTest {

    private static final DeviceId OXIMETER = new DeviceId("oximeter-7");
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
                .expectEvents(recorded(CHAIR, message))
                .expectResultMessagePayload(true);
    }

    @Test
    void recordsTheMessageOfADeviceConfiguredForNoChair() {
        // given
        DeviceObservations message = spo2("MSG-2");

        // when / then
        fixture.given(recorded(CHAIR, spo2("MSG-1")))
                .when(new RecordDeviceObservationsCommand(OXIMETER, null, message))
                .expectEvents(recorded(null, message))
                .expectResultMessagePayload(true);
    }

    @Test
    void recordsNothingForAResentMessage() {
        // given
        DeviceObservations message = spo2("MSG-1");

        // when / then
        fixture.given(recorded(CHAIR, message))
                .when(new RecordDeviceObservationsCommand(OXIMETER, CHAIR, message))
                .expectNoEvents()
                .expectResultMessagePayload(false);
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

    private static DeviceObservations spo2(String controlId) {
        return new DeviceObservations(OXIMETER, new MessageKey("oximeter-7", controlId), AT, AT.plusMillis(20),
                List.of(Observation.of(Vital.SPO2, 97, AT), Observation.notAvailable(Vital.PULSE_RATE, AT)));
    }

    private static ObservationsRecordedEvent recorded(ChairId chair, DeviceObservations message) {
        return new ObservationsRecordedEvent(null, chair, OXIMETER, message.messageKey(), message.deviceTime(),
                message.receivedAt(), message.observations());
    }
}
