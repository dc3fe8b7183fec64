package org.vigil.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigil.query.web.StationIT.inBrowser;
import static org.vigil.query.web.StationIT.logIn;
import static org.vigil.query.web.StationIT.tile;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ReducedMotion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.Scenario;
import org.vigil.simulator.scenario.Scenarios;
import org.vigil.simulator.scenario.ScriptedScenario;
import org.vigil.simulator.scenario.ScriptedValue;

/**
 * A full clinic on the station: twelve chairs — one free, one whose monitor never connects, a severe
 * hypertension, a hypotension and a tachycardia among calm sessions — fit a 1920×1080 screen without
 * scrolling, scroll in two columns on a 768 px tablet, and keep an unmistakable, non-flashing HIGH alarm for
 * people who ask for reduced motion. The audio pause counts down from 2:00; logging out ends the session.
 */
class StationLayoutIT {

    private static final int CHAIRS = 12;
    private static final int FREE_CHAIR = 11;
    private static final int SILENT_CHAIR = 12;
    /**
     * The alarming chairs' monitors send their alarming values from their first message: this test is about how
     * the alarms look, not how soon they come, so it waits only for the rules' own condition delays.
     */
    private static final Map<Integer, Scenario> SCENARIOS = Map.of(
            3, ScriptedScenario.of(ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_SYSTOLIC, 187),
                    ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_DIASTOLIC, 114),
                    ScriptedValue.at(Duration.ZERO, VitalSign.HEART_RATE, 96)),
            7, ScriptedScenario.of(ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_SYSTOLIC, 82),
                    ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_DIASTOLIC, 48),
                    ScriptedValue.at(Duration.ZERO, VitalSign.HEART_RATE, 98)),
            9, ScriptedScenario.of(ScriptedValue.at(Duration.ZERO, VitalSign.HEART_RATE, 152)));

    @TempDir
    Path data;

    @Test
    void twelveChairsFitAStationScreenScrollOnATabletAndAlarmsStayUnmistakableWithoutMotion() {
        RunningStation vigil = RunningStation.start(data, CHAIRS);
        List<MonitorSpec> monitors = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            monitors.add(MonitorSpec.numbered(n, SCENARIOS.getOrDefault(n, Scenarios.NORMAL), 40 + n));
        }
        ClinicSimulator simulator = new ClinicSimulator(monitors, "127.0.0.1", vigil.mllpPort(), Clock.systemUTC(),
                2.0);
        try (Chromium chromium = Chromium.launch()) {
            // given
            monitors.forEach(monitor -> vigil.startSession(monitor, 120 + (int) (monitor.seed() % 7) * 3, 76));
            vigil.startSession(MonitorSpec.numbered(SILENT_CHAIR, Scenarios.NORMAL, 52), 131, 84);
            simulator.start();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode chairs = vigil.get("/api/chairs");
                assertThat(priorities(chairs, "chair-3")).contains("HIGH");
                assertThat(priorities(chairs, "chair-7")).contains("MEDIUM");
                assertThat(priorities(chairs, "chair-9")).contains("HIGH");
                assertThat(kinds(chairs, "chair-" + SILENT_CHAIR)).contains("TECHNICAL");
            });

            // when
            Page station = chromium.newPage(1920, 1080);
            List<String> scriptErrors = new CopyOnWriteArrayList<>();
            station.onPageError(scriptErrors::add);
            logIn(station, vigil, "nurse");
            inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(station.locator(".tile").count()).isEqualTo(CHAIRS));
            station.click("#sound-enable");
            inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(station.locator("#audio-pause").isVisible()).isTrue());
            Locator chair9 = tile(station, 9);
            chair9.locator("li.alarm--high button.ack").first().click();
            inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(chair9.locator("li.alarm--high").first().textContent())
                            .contains("acknowledged by nurse"));

            // then: every tile whole on screen, nothing to scroll
            for (int n = 1; n <= CHAIRS; n++) {
                BoundingBox box = tile(station, n).boundingBox();
                assertThat(box.y + box.height).as("bottom of chair %d", n).isLessThanOrEqualTo(1080);
                assertThat(box.x + box.width).as("right of chair %d", n).isLessThanOrEqualTo(1920);
                assertThat(box.height).as("height of chair %d", n).isGreaterThan(250);
            }
            assertThat((Integer) station.evaluate("document.documentElement.scrollHeight")).isLessThanOrEqualTo(1080);
            assertThat(tile(station, FREE_CHAIR).textContent()).contains("Free");
            assertThat(tile(station, SILENT_CHAIR).locator("li.alarm--technical").textContent()).contains("TECH");
            assertThat(tile(station, SILENT_CHAIR).locator("[data-f=hr]").textContent()).isEqualTo("—");
            assertThat(tile(station, 3).getAttribute("class")).contains("tile--high", "tile--flash");
            assertThat(tile(station, 7).getAttribute("class")).contains("tile--medium", "tile--flash");
            assertThat(chair9.getAttribute("class")).contains("tile--high").doesNotContain("tile--flash");
            Chromium.screenshot(station, "06-twelve-chairs-1920");

            // then: the audio pause counts down and a second press ends it
            station.click("#audio-pause");
            assertThat(station.locator("#audio-pause").textContent()).matches("Audio paused (2:00|1:59) — resume");
            inBrowser().atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                    assertThat(station.locator("#audio-pause").textContent()).matches("Audio paused 1:5\\d — resume"));
            Chromium.screenshot(station, "07-audio-paused");
            station.click("#audio-pause");
            assertThat(station.locator("#audio-pause").textContent()).isEqualTo("Audio pause 2:00");
            assertThat(scriptErrors).as("uncaught errors in the page").isEmpty();
            station.context().close();

            // then: a tablet scrolls through two columns
            Page tablet = chromium.newPage(768, 1024);
            logIn(tablet, vigil, "nurse");
            inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(tablet.locator(".tile").count()).isEqualTo(CHAIRS));
            Set<Integer> columns = new TreeSet<>();
            for (int n = 1; n <= CHAIRS; n++) {
                columns.add((int) Math.round(tile(tablet, n).boundingBox().x));
            }
            assertThat(columns).hasSize(2);
            assertThat((Integer) tablet.evaluate("document.documentElement.scrollHeight")).isGreaterThan(1024);
            Chromium.screenshot(tablet, "08-twelve-chairs-tablet-768");
            tablet.click("#logout button");
            tablet.waitForURL(url -> url.contains("/login"));
            assertThat(tablet.locator(".notice").textContent()).isEqualTo("You are logged out.");
            tablet.navigate(vigil.baseUrl() + "/");
            assertThat(tablet.url()).as("after logging out the station asks for a login again").endsWith("/login");
            tablet.context().close();

            // then: with reduced motion a HIGH alarm does not flash but stays striped, red and labelled
            Page calm = chromium.newPage(1920, 1080, ReducedMotion.REDUCE);
            logIn(calm, vigil, "nurse");
            inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(tile(calm, 3).getAttribute("class")).contains("tile--high", "tile--flash"));
            Locator head = tile(calm, 3).locator(".tile-head");
            assertThat(head.evaluate("h => getComputedStyle(h).animationName")).isEqualTo("none");
            assertThat((String) head.evaluate("h => getComputedStyle(h).backgroundImage"))
                    .contains("repeating-linear-gradient");
            assertThat(tile(calm, 3).locator("[data-f=flag]").textContent()).contains("!!! HIGH");
            Chromium.screenshot(calm, "09-reduced-motion");
        } finally {
            simulator.stop();
            vigil.close();
        }
    }

    private static List<String> priorities(JsonNode chairs, String chair) {
        return alarmField(chairs, chair, "priority");
    }

    private static List<String> kinds(JsonNode chairs, String chair) {
        return alarmField(chairs, chair, "kind");
    }

    private static List<String> alarmField(JsonNode chairs, String chair, String field) {
        return StreamSupport.stream(chairs.spliterator(), false)
                .filter(c -> c.path("chairId").asText().equals(chair))
                .flatMap(c -> StreamSupport.stream(c.path("activeAlarms").spliterator(), false))
                .map(alarm -> alarm.path(field).asText())
                .toList();
    }
}
