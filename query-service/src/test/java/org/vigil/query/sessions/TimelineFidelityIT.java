package org.vigil.query.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.query.RunningVigil;
import org.vigil.query.SimulatedInfusion;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.ScriptedScenario;
import org.vigil.simulator.scenario.ScriptedValue;

/**
 * The timeline is the station as it was: during a simulated IV ketamine session (a monitor and an infusion pump over
 * MLLP) the chair is recorded from {@code GET /api/chairs} at five moments — infusing and quiet, a HIGH alarm nobody
 * acknowledged yet, the alarm escalated while the sounds are paused, the alarm acknowledged, the alarm cleared —
 * and afterwards {@code GET /api/sessions/{id}/timeline?at=} at each moment returns the same tile, field for field.
 *
 * <p>A tile is recorded only at a moment with no event stored within {@link #QUIET} of it: an event stored just
 * before a moment is shown a few milliseconds later, once committed, and the record keeps when an event was stored,
 * not when its commit ended.
 */
class TimelineFidelityIT {

    private static final Duration QUIET = Duration.ofMillis(150);
    private static final Duration ESCALATION = Duration.ofSeconds(6);
    /**
     * Normal, then a severe hypertension from 8 s to 30 s, then normal again: time to record each moment, the
     * escalation 6 s after the raise and the acknowledgement well before the spell ends.
     */
    private static final ScriptedScenario HYPERTENSIVE_SPELL = ScriptedScenario.of(
            ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_SYSTOLIC, 124),
            ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_DIASTOLIC, 79),
            ScriptedValue.at(Duration.ofSeconds(8), VitalSign.NIBP_SYSTOLIC, 192),
            ScriptedValue.at(Duration.ofSeconds(8), VitalSign.NIBP_DIASTOLIC, 96),
            ScriptedValue.at(Duration.ofSeconds(30), VitalSign.NIBP_SYSTOLIC, 126),
            ScriptedValue.at(Duration.ofSeconds(30), VitalSign.NIBP_DIASTOLIC, 80));

    @TempDir
    Path data;

    private record Recording(String moment, Instant at, JsonNode chair) {
    }

    @Test
    void theTimelineAtEachRecordedMomentIsTheTileTheStationShowedThen() {
        try (RunningVigil vigil = RunningVigil.startWith(data.resolve("store"),
                SimulatedInfusion.properties(data, ESCALATION))) {
            // given an infusion running and a monitor that will show a severe hypertension
            String session = vigil.startSession("chair-1", 120, 80, 70).value();
            List<Recording> recordings = new ArrayList<>();

            // when the station is recorded at five moments
            SimulatedInfusion run = SimulatedInfusion.start(vigil, session, HYPERTENSIVE_SPELL, 10);
            try (run) {
                recordings.add(record(vigil, "infusing, no alarm", chair -> chair.path("pump").path("status")
                        .asText().equals("INFUSING") && chair.path("vitals").has("NIBP_SYSTOLIC")
                        && chair.path("activeAlarms").isEmpty()));
                recordings.add(record(vigil, "HIGH alarm not acknowledged", chair ->
                        alarm(chair).filter(a -> a.path("acknowledgedBy").isNull()
                                && a.path("escalatedAt").isNull()).isPresent()));
                assertThat(vigil.send("POST", "/api/chairs/chair-1/audio-pause", "nurse", null).statusCode())
                        .isEqualTo(200);
                recordings.add(record(vigil, "escalated, sounds paused", chair ->
                        alarm(chair).filter(a -> !a.path("escalatedAt").isNull()).isPresent()
                                && !chair.path("audioPause").isNull()));
                String alarmId = alarm(vigil.get("/api/chairs").get(0)).orElseThrow().path("alarmId").asText();
                assertThat(vigil.send("POST", "/api/alarms/" + alarmId + "/ack", "nurse", null).statusCode())
                        .isEqualTo(200);
                recordings.add(record(vigil, "acknowledged", chair ->
                        alarm(chair).filter(a -> a.path("acknowledgedBy").asText().equals("nurse")).isPresent()));
                recordings.add(record(vigil, "cleared", chair -> chair.path("activeAlarms").isEmpty()
                        && chair.path("vitals").path("NIBP_SYSTOLIC").path("value").asDouble() < 140));
            }

            // then
            for (Recording recording : recordings) {
                JsonNode replayed = vigil.get("/api/sessions/" + session + "/timeline?at=" + recording.at(),
                        "director");
                assertThat(replayed).as(recording.moment()).isEqualTo(recording.chair());
            }
        }
    }

    /**
     * Polls {@code GET /api/chairs} until the chair shows {@code moment}, and returns the first tile recorded at a
     * moment no event was stored near.
     */
    private static Recording record(RunningVigil vigil, String moment, Predicate<JsonNode> shows) {
        List<Recording> candidates = new ArrayList<>();
        return await(moment).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode chair = vigil.get("/api/chairs", "nurse").get(0);
            if (shows.test(chair)) {
                candidates.add(new Recording(moment, Instant.parse(chair.path("updatedAt").asText()), chair));
            }
            Instant settled = Instant.now().minus(QUIET.multipliedBy(2));
            List<Recording> settledCandidates = candidates.stream().filter(c -> c.at().isBefore(settled)).toList();
            if (settledCandidates.isEmpty()) {
                return null;
            }
            List<Instant> stored = vigil.stored(Object.class).stream().map(RunningVigil.Stored::at).toList();
            Optional<Recording> quiet = settledCandidates.stream().filter(c -> stored.stream()
                    .noneMatch(at -> Duration.between(at, c.at()).abs().compareTo(QUIET) <= 0)).findFirst();
            candidates.removeAll(settledCandidates);
            return quiet.orElse(null);
        }, recording -> recording != null);
    }

    private static Optional<JsonNode> alarm(JsonNode chair) {
        return StreamSupport.stream(chair.path("activeAlarms").spliterator(), false)
                .filter(a -> a.path("rule").asText().equals("severe-hypertension")).findFirst();
    }
}
