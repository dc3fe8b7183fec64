package org.vigil.query.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.SessionId;
import org.vigil.query.RunningVigil;
import org.vigil.query.SimulatedInfusion;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.ScriptedScenario;
import org.vigil.simulator.scenario.ScriptedValue;

/**
 * The review of an IV ketamine session run from the simulator: 0.5 mg/kg for 70 kg at 1 mg/mL (35 mg over 40 min,
 * the pump 120 times faster than real time) and a severe hypertension that nobody acknowledges until it has been
 * escalated. The review's dose figures are the pump's, its response times the stored ones, and the sessions list
 * finds the session by its HIGH alarm and not by another chair or treatment.
 */
class KetamineReviewIT {

    private static final Duration ESCALATION = Duration.ofSeconds(5);
    private static final ScriptedScenario SEVERE_HYPERTENSION = ScriptedScenario.of(
            ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_SYSTOLIC, 186),
            ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_DIASTOLIC, 94));

    @TempDir
    Path data;

    @Test
    void theReviewShowsThePumpsDoseAndTheStoredResponseToALateAcknowledgedEscalatedAlarm() {
        try (RunningVigil vigil = RunningVigil.startWith(data.resolve("store"),
                SimulatedInfusion.properties(data, ESCALATION))) {
            // given an infusion and a severe hypertension
            SessionId session = vigil.startSession("chair-1", 120, 80, 70);
            String id = session.value();
            double truthMg;
            try (SimulatedInfusion run = SimulatedInfusion.start(vigil, id, SEVERE_HYPERTENSION, 120)) {
                // when the alarm is acknowledged only after it was escalated, and the infusion ends
                await().atMost(Duration.ofSeconds(60)).until(() -> highAlarm(vigil).filter(a ->
                        !a.path("escalatedAt").isNull()).isPresent());
                String alarmId = highAlarm(vigil).orElseThrow().path("alarmId").asText();
                assertThat(vigil.send("POST", "/api/alarms/" + alarmId + "/ack", "nurse", null).statusCode())
                        .isEqualTo(200);
                await().atMost(Duration.ofSeconds(60)).until(() -> vigil.get("/api/chairs").get(0).path("pump")
                        .path("status").asText().matches("COMPLETE|KVO"));
                truthMg = run.deliveredMg();
            }
            double tileMg = vigil.get("/api/chairs").get(0).path("pump").path("doseDeliveredMg").asDouble();
            vigil.command(new EndSessionCommand(session, "discharged", Instant.now()));
            vigil.awaitReadModels();

            // then
            JsonNode review = vigil.get("/api/sessions/" + id + "/review", "director");
            JsonNode figures = review.path("figures");
            assertThat(figures.path("prescribedMg").asDouble()).isEqualTo(35.0);
            assertThat(figures.path("prescribedMgPerKg").asDouble()).isEqualTo(0.5);
            assertThat(figures.path("deliveredMg").asDouble()).isEqualTo(tileMg)
                    .isCloseTo(truthMg, within(truthMg * 0.02));
            assertThat(figures.path("deliveredMgPerKg").asDouble()).isCloseTo(tileMg / 70, within(1e-9));
            assertThat(figures.path("differenceMg").asDouble()).isCloseTo(tileMg - 35.0, within(1e-9));

            Instant raisedAt = vigil.stored(AlarmRaisedEvent.class).stream()
                    .filter(e -> e.payload().rule().equals("severe-hypertension")).findFirst().orElseThrow()
                    .payload().raisedAt();
            Instant acknowledgedAt = vigil.stored(AlarmAcknowledgedEvent.class).get(0).payload().at();
            // the alarm records keep moments to the millisecond, as every store does
            Duration response = Duration.between(raisedAt.truncatedTo(ChronoUnit.MILLIS),
                    acknowledgedAt.truncatedTo(ChronoUnit.MILLIS));
            assertThat(response).isGreaterThan(ESCALATION);
            JsonNode alarm = StreamSupport.stream(review.path("alarms").spliterator(), false)
                    .filter(a -> a.path("rule").asText().equals("severe-hypertension")).findFirst().orElseThrow();
            assertThat(alarm.path("acknowledgedBy").asText()).isEqualTo("nurse");
            assertThat(duration(alarm.path("timeToAcknowledge"))).isEqualTo(response);
            assertThat(alarm.path("escalatedAt").isNull()).isFalse();
            assertThat(duration(figures.path("medianTimeToAcknowledge"))).isEqualTo(response);
            assertThat(duration(figures.path("worstTimeToAcknowledge"))).isEqualTo(response);
            assertThat(figures.path("escalations").asLong()).isEqualTo(1);
            assertThat(figures.path("alarmsByPriority").path("HIGH").asLong()).isEqualTo(1);
            assertThat(figures.path("peakSystolic").path("value").asDouble()).isEqualTo(186);
            assertThat(review.path("vitals").path("sbp")).isNotEmpty();
            assertThat(review.path("infusion")).isNotEmpty();
            assertThat(review.path("actions").findValuesAsText("what")).contains("Alarm acknowledged",
                    "Infusion prescribed");
            assertThat(review.path("thresholds").path("severeHypertension").path("systolicAbove").asDouble())
                    .isEqualTo(180);

            assertThat(listed(vigil, "highAlarm=true")).containsExactly(id);
            assertThat(listed(vigil, "highAlarm=true&chair=chair-2")).isEmpty();
            assertThat(listed(vigil, "treatment=ESKETAMINE")).isEmpty();
            assertThat(listed(vigil, "patient=patient-chair-1&sort=chair&order=asc")).containsExactly(id);
            assertThat(vigil.send("GET", "/api/review/sessions", "nurse", null).statusCode()).isEqualTo(403);
            assertThat(vigil.send("GET", "/api/sessions/" + id + "/review", "nurse", null).statusCode())
                    .isEqualTo(403);
        }
    }

    private static Optional<JsonNode> highAlarm(RunningVigil vigil) {
        JsonNode alarms = vigil.get("/api/chairs").get(0).path("activeAlarms");
        for (JsonNode alarm : alarms) {
            if (alarm.path("rule").asText().equals("severe-hypertension")) {
                return Optional.of(alarm);
            }
        }
        return Optional.empty();
    }

    private static List<String> listed(RunningVigil vigil, String query) {
        return vigil.get("/api/review/sessions?" + query, "director").path("rows").findValuesAsText("sessionId");
    }

    /** A duration as Vigil writes it, ISO-8601. */
    private static Duration duration(JsonNode node) {
        return Duration.parse(node.asText());
    }
}
