package org.vigil.query.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Treatment;
import org.vigil.core.protocol.ClinicProtocol;

class SessionPointsTest {

    private static final ClinicProtocol PROTOCOL = ClinicProtocol.loadDefault();
    private static final Instant STARTED = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aStartCarriesTheBaselineAndTheProtocolsLimitsWithTheSurgeLimitsAboveTheBaseline() {
        // given
        SessionStartedEvent event = new SessionStartedEvent(new SessionId("s-1"), new ChairId("chair-1"), "PSN-1",
                72.5, 44, Treatment.IV_KETAMINE, new BaselineVitals(125, 78, 72, 97), PROTOCOL.ref(), STARTED);

        // when
        InfluxPoint point = SessionPoints.started(event, Optional.of(PROTOCOL.alarms()));

        // then
        assertThat(point.time()).isEqualTo(STARTED);
        assertThat(point.tags()).containsEntry("event", "started").containsEntry("session", "s-1")
                .containsEntry("chair", "chair-1");
        assertThat(point.fields())
                .containsEntry("active", 1L)
                .containsEntry("treatment", "IV_KETAMINE")
                .containsEntry("baseline_systolic", 125.0)
                .containsEntry("baseline_diastolic", 78.0)
                .containsEntry("surge_systolic", 165.0)
                .containsEntry("surge_diastolic", 103.0)
                .containsEntry("severe_systolic", 180.0)
                .containsEntry("severe_diastolic", 110.0)
                .containsEntry("hypotension_systolic", 90.0)
                .doesNotContainKey("patient");
    }

    @Test
    void underAnotherProtocolThanVigilRunsTheStartCarriesNoLimits() {
        // given
        SessionStartedEvent event = new SessionStartedEvent(new SessionId("s-1"), new ChairId("chair-1"), "PSN-1",
                72.5, 44, Treatment.IV_KETAMINE, new BaselineVitals(null, null, null, null), null, STARTED);

        // when
        InfluxPoint point = SessionPoints.started(event, Optional.empty());

        // then
        assertThat(point.fields()).doesNotContainKeys("severe_systolic", "surge_systolic", "baseline_systolic");
    }

    @Test
    void anEndIsAnInactivePointWithTheReason() {
        // when
        InfluxPoint point = SessionPoints.ended(new SessionEndedEvent(new SessionId("s-1"), new ChairId("chair-1"),
                "discharged", STARTED.plusSeconds(7200)));

        // then
        assertThat(point.tags()).containsEntry("event", "ended");
        assertThat(point.fields()).containsEntry("active", 0L).containsEntry("reason", "discharged");
    }
}
