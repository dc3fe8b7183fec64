package org.vigil.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.RecordDeviceConnectedCommand;
import org.vigil.core.api.RecordDeviceDisconnectedCommand;
import org.vigil.core.api.RecordDeviceObservationsCommand;
import org.vigil.core.api.RecordDeviceRecoveredCommand;
import org.vigil.core.api.RecordDeviceSilentCommand;
import org.vigil.core.api.Vital;
import org.vigil.core.testing.TwinClinics;

/** A device loaded from a snapshot and the events after it decides as one loaded from all its events. */
class DeviceSnapshotTest {

    private static final int THRESHOLD = 4;
    private static final DeviceId OXIMETER = new DeviceId("oximeter-7");
    private static final ChairId CHAIR = new ChairId("chair-2");
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aDeviceLoadedFromASnapshotDecidesAsOneLoadedFromEveryEvent() {
        try (TwinClinics clinics = new TwinClinics(THRESHOLD)) {
            // given a device that connected, sent messages, went silent and lost its connection
            clinics.send(new RecordDeviceConnectedCommand(OXIMETER, CHAIR, "serial /dev/ttyUSB0", AT));
            for (int i = 1; i <= 10; i++) {
                clinics.send(new RecordDeviceObservationsCommand(OXIMETER, CHAIR, spo2("M-" + i, i)));
            }
            clinics.send(new RecordDeviceSilentCommand(OXIMETER, CHAIR, Duration.ofSeconds(12), AT.plusSeconds(10),
                    AT.plusSeconds(22)));
            clinics.send(new RecordDeviceDisconnectedCommand(OXIMETER, CHAIR, "end of stream", AT.plusSeconds(30)));
            for (int i = 11; i <= 14; i++) {
                clinics.send(new RecordDeviceObservationsCommand(OXIMETER, null, spo2("M-" + i, 30 + i)));
            }

            // when it is asked what only its history can answer
            Object silentAgain = clinics.send(new RecordDeviceSilentCommand(OXIMETER, CHAIR, Duration.ofSeconds(30),
                    null, AT.plusSeconds(60)));
            Object disconnectedAgain = clinics.send(new RecordDeviceDisconnectedCommand(OXIMETER, CHAIR,
                    "no route", AT.plusSeconds(61)));
            Object recovered = clinics.send(new RecordDeviceRecoveredCommand(OXIMETER, CHAIR, AT.plusSeconds(62)));
            Object connected = clinics.send(new RecordDeviceConnectedCommand(OXIMETER, CHAIR, "serial /dev/ttyUSB0",
                    AT.plusSeconds(63)));

            // then both decided alike, the second from snapshots
            assertThat(List.of(silentAgain, disconnectedAgain, recovered, connected))
                    .containsExactly(false, false, true, true);
            List<Object> events = clinics.sameEvents(OXIMETER.value());
            assertThat(events).hasSize(19);
            assertThat(clinics.snapshotAt(OXIMETER.value()))
                    .hasValueSatisfying(sequence -> assertThat(sequence).isGreaterThanOrEqualTo(14));
            assertThat(clinics.loadsFromSnapshot()).isGreaterThan(10);
        }
    }

    private static DeviceObservations spo2(String controlId, int second) {
        Instant at = AT.plusSeconds(second);
        return new DeviceObservations(OXIMETER, new MessageKey("oximeter-7", controlId), at, at.plusMillis(20),
                List.of(Observation.of(Vital.SPO2, 96, at), Observation.of(Vital.PULSE_RATE, 71, at)));
    }
}
