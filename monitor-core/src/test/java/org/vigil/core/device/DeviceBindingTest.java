package org.vigil.core.device;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.BindDeviceToChairCommand;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceBoundToChairEvent;
import org.vigil.core.api.DeviceId;

/** An engineer's binding of a sender nobody configured to a chair is on the device's record, with who and when. */
class DeviceBindingTest {

    private static final DeviceId STRANGER = new DeviceId("sim-monitor-09");
    private static final ChairId CHAIR = new ChairId("chair-2");
    private static final Instant AT = Instant.parse("2026-03-02T09:47:02Z");

    private FixtureConfiguration<Device> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Device.class);
    }

    @Test
    void recordsWhoBoundTheDeviceToWhichChairAndWhen() {
        fixture.givenNoPriorActivity()
                .when(new BindDeviceToChairCommand(STRANGER, CHAIR, " engineer ", AT))
                .expectEvents(new DeviceBoundToChairEvent(STRANGER, CHAIR, "engineer", AT));
    }

    @Test
    void refusesABindingWithoutAChairOrAnEngineer() {
        fixture.givenNoPriorActivity()
                .when(new BindDeviceToChairCommand(STRANGER, null, "engineer", AT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new BindDeviceToChairCommand(STRANGER, CHAIR, " ", AT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
