package org.vigil.query.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.query.RunningVigil;
import org.vigil.simulator.load.ClinicChair;
import org.vigil.simulator.load.ClinicLoad;
import org.vigil.simulator.load.ClinicResult;
import org.vigil.simulator.load.ClinicSettings;

/**
 * The simulator's clinic load mode against the whole application, at four chairs: sessions booked and checked in
 * through the HTTP API, monitors and pumps sending over MLLP, two stations on the live stream, and one abnormal
 * chair whose cuff reading raises an alarm that both stations see.
 */
class ClinicLoadIT {

    @TempDir
    Path data;

    @Test
    void fourChairsSendEveryMessageAcceptedAndTheAbnormalChairsAlarmReachesBothStations() throws Exception {
        List<ClinicChair> chairs = ClinicChair.clinic(4, 25);
        List<String> bindings = new ArrayList<>();
        ClinicChair.deviceBindings(chairs).forEach((device, chair) -> bindings.add(device + "=" + chair));
        try (RunningVigil vigil = RunningVigil.startWith(data, RunningVigil.devices(bindings.toArray(String[]::new)))) {
            ClinicSettings settings = ClinicSettings.of("127.0.0.1", vigil.mllpPort(),
                    URI.create("http://127.0.0.1:" + vigil.httpPort()), 4)
                    .withAbnormalPercent(25).withGateways(2)
                    .withTiming(Duration.ZERO, Duration.ofSeconds(4));

            ClinicResult result = new ClinicLoad(settings, Clock.systemUTC()).run();

            assertThat(result.abnormalChairs()).isEqualTo(1);
            // four monitors once a second and four pumps every two seconds, for four seconds
            assertThat(result.offered()).isBetween(22L, 26L);
            assertThat(result.accepted()).as(result.summary()).isEqualTo(result.offered());
            assertThat(result.alarms()).as(result.summary()).isEqualTo(1);
            assertThat(result.alarmLatencies().getTotalCount()).as("seen by both stations").isEqualTo(2);
            assertThat(result.missedAlarms()).isZero();
            assertThat(result.otherAlarms()).as(result.summary()).isZero();
            assertThat(result.stationEvents()).as("chair events for every message, to both stations")
                    .isGreaterThan(2 * result.accepted());
        }
    }
}
