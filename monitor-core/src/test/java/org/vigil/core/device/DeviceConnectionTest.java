package org.vigil.core.device;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceRecoveredEvent;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.RecordDeviceConnectedCommand;
import org.vigil.core.api.RecordDeviceDisconnectedCommand;
import org.vigil.core.api.RecordDeviceRecoveredCommand;
import org.vigil.core.api.RecordDeviceSilentCommand;

/** The device's connection and outages, each recorded once per change. */
class DeviceConnectionTest {

    private static final DeviceId MONITOR = new DeviceId("sim-monitor-01");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final String TRANSPORT = "tcp 10.0.0.5:4001";
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant LAST_MESSAGE = T0.plusSeconds(50);
    private static final Instant SILENT_AT = T0.plusSeconds(60);
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private FixtureConfiguration<Device> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Device.class);
    }

    @Test
    void recordsTheFirstConnectionOfAnUnknownDevice() {
        // when / then
        fixture.givenNoPriorActivity()
                .when(new RecordDeviceConnectedCommand(MONITOR, CHAIR, TRANSPORT, T0))
                .expectEvents(new DeviceConnectedEvent(MONITOR, CHAIR, TRANSPORT, T0))
                .expectResultMessagePayload(true);
    }

    @Test
    void recordsNothingWhenAConnectedDeviceIsReportedConnectedAgain() {
        // when / then
        fixture.given(connected())
                .when(new RecordDeviceConnectedCommand(MONITOR, CHAIR, "tcp 10.0.0.6:4001", T0.plusSeconds(5)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void recordsADisconnectionWithItsReasonAndTheChairOfTheCommand() {
        // given
        ChairId otherChair = new ChairId("chair-2");

        // when / then
        fixture.given(connected())
                .when(new RecordDeviceDisconnectedCommand(MONITOR, otherChair, "connection reset", SILENT_AT))
                .expectEvents(new DeviceDisconnectedEvent(MONITOR, otherChair, "connection reset", SILENT_AT))
                .expectResultMessagePayload(true);
    }

    @Test
    void recordsOneDisconnectionForTwoReportsInARow() {
        // when / then
        fixture.given(connected(), disconnected())
                .when(new RecordDeviceDisconnectedCommand(MONITOR, CHAIR, "connection refused",
                        SILENT_AT.plusSeconds(5)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void recordsADisconnectionOfADeviceThatNeverConnected() {
        // when / then
        fixture.givenNoPriorActivity()
                .when(new RecordDeviceDisconnectedCommand(MONITOR, CHAIR, "connection refused", T0))
                .expectEvents(new DeviceDisconnectedEvent(MONITOR, CHAIR, "connection refused", T0))
                .expectResultMessagePayload(true);
    }

    @Test
    void recordsASilenceOfAConnectedDevice() {
        // when / then
        fixture.given(connected())
                .when(new RecordDeviceSilentCommand(MONITOR, CHAIR, TEN_SECONDS, LAST_MESSAGE, SILENT_AT))
                .expectEvents(silent())
                .expectResultMessagePayload(true);
    }

    @Test
    void recordsOneSilenceForTwoReportsInARow() {
        // when / then
        fixture.given(connected(), silent())
                .when(new RecordDeviceSilentCommand(MONITOR, CHAIR, Duration.ofSeconds(20), LAST_MESSAGE,
                        SILENT_AT.plusSeconds(10)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void recordsNoSilenceOfADisconnectedDeviceWhichIsAlreadyOffline() {
        // when / then
        fixture.given(connected(), disconnected())
                .when(new RecordDeviceSilentCommand(MONITOR, CHAIR, TEN_SECONDS, LAST_MESSAGE, SILENT_AT))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void recordsADisconnectionOfASilentDevice() {
        // when / then
        fixture.given(connected(), silent())
                .when(new RecordDeviceDisconnectedCommand(MONITOR, CHAIR, "end of stream", SILENT_AT.plusSeconds(3)))
                .expectEvents(new DeviceDisconnectedEvent(MONITOR, CHAIR, "end of stream", SILENT_AT.plusSeconds(3)))
                .expectResultMessagePayload(true);
    }

    @Test
    void recordsTheRecoveryOfASilentDeviceWithTheStartOfTheOutage() {
        // given
        Instant back = SILENT_AT.plusSeconds(30);

        // when / then
        fixture.given(connected(), silent())
                .when(new RecordDeviceRecoveredCommand(MONITOR, CHAIR, back))
                .expectEvents(new DeviceRecoveredEvent(MONITOR, CHAIR, LAST_MESSAGE, back))
                .expectResultMessagePayload(true);
    }

    @Test
    void aSilenceWithoutAnyMessageOnTheConnectionBeganASilenceAgo() {
        // given
        DeviceSilentEvent neverSent = new DeviceSilentEvent(MONITOR, CHAIR, TEN_SECONDS, null, SILENT_AT);
        Instant back = SILENT_AT.plusSeconds(30);

        // when / then
        fixture.given(connected(), neverSent)
                .when(new RecordDeviceRecoveredCommand(MONITOR, CHAIR, back))
                .expectEvents(new DeviceRecoveredEvent(MONITOR, CHAIR, SILENT_AT.minus(TEN_SECONDS), back));
    }

    @Test
    void aReconnectionAloneDoesNotEndTheOutage() {
        // given
        Instant reconnected = SILENT_AT.plusSeconds(5);
        Instant back = SILENT_AT.plusSeconds(6);

        // when / then
        fixture.given(connected(), disconnected(), new DeviceConnectedEvent(MONITOR, CHAIR, TRANSPORT, reconnected))
                .when(new RecordDeviceRecoveredCommand(MONITOR, CHAIR, back))
                .expectEvents(new DeviceRecoveredEvent(MONITOR, CHAIR, SILENT_AT, back))
                .expectResultMessagePayload(true);
    }

    @Test
    void anOutageKeepsTheStartOfTheSilenceWhenTheDeviceIsDisconnectedLater() {
        // given
        Instant back = SILENT_AT.plusSeconds(30);

        // when / then
        fixture.given(connected(), silent(),
                        new DeviceDisconnectedEvent(MONITOR, CHAIR, "end of stream", SILENT_AT.plusSeconds(3)))
                .when(new RecordDeviceRecoveredCommand(MONITOR, CHAIR, back))
                .expectEvents(new DeviceRecoveredEvent(MONITOR, CHAIR, LAST_MESSAGE, back));
    }

    @Test
    void recordsNoRecoveryOfADeviceThatWasNotOffline() {
        // when / then
        fixture.given(connected(), silent(), new DeviceRecoveredEvent(MONITOR, CHAIR, LAST_MESSAGE, SILENT_AT))
                .when(new RecordDeviceRecoveredCommand(MONITOR, CHAIR, SILENT_AT.plusSeconds(1)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void recordsNothingForTheRecoveryOfAnUnknownDevice() {
        // when / then
        fixture.givenNoPriorActivity()
                .when(new RecordDeviceRecoveredCommand(MONITOR, CHAIR, T0))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void rejectsASilenceWithoutItsDuration() {
        // when / then
        fixture.given(connected())
                .when(new RecordDeviceSilentCommand(MONITOR, CHAIR, null, LAST_MESSAGE, SILENT_AT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAConnectionWithoutItsTransport() {
        // when / then
        fixture.givenNoPriorActivity()
                .when(new RecordDeviceConnectedCommand(MONITOR, CHAIR, " ", T0))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    private static DeviceConnectedEvent connected() {
        return new DeviceConnectedEvent(MONITOR, CHAIR, TRANSPORT, T0);
    }

    private static DeviceDisconnectedEvent disconnected() {
        return new DeviceDisconnectedEvent(MONITOR, CHAIR, "connection reset", SILENT_AT);
    }

    private static DeviceSilentEvent silent() {
        return new DeviceSilentEvent(MONITOR, CHAIR, TEN_SECONDS, LAST_MESSAGE, SILENT_AT);
    }
}
