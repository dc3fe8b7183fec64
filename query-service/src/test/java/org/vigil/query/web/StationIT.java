package org.vigil.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.query.StreamRecorder;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.scenario.Scenarios;

/**
 * The nurses' station in a real browser against the real application, fed by simulated monitors over MLLP
 * (issue 6, acceptance): log in through the station's login page, six live tiles, an audio pause recorded in
 * Vigil for every chair and still counting down after a reload, a severe-hypertension tile red within 2 s of the
 * alarm event and breaking through its chair's pause, acknowledgement shown with who, a lost connection
 * announced. Screenshots of each step are kept under {@code target/screenshots}.
 */
class StationIT {

    private static final Duration ALARM_TO_RED = Duration.ofSeconds(2);
    private static final String HIGH_RED = "rgb(239, 68, 68)";

    @TempDir
    Path data;

    @Test
    void aNurseSeesEveryChairLiveAHighAlarmInRedWithinTwoSecondsWhoAcknowledgedItAndALostConnection() {
        List<MonitorSpec> calm = IntStream.of(1, 2, 4, 5, 6)
                .mapToObj(n -> MonitorSpec.numbered(n, Scenarios.NORMAL, 60 + n)).toList();
        MonitorSpec surging = MonitorSpec.numbered(3, Scenarios.SEVERE_HYPERTENSION, 63);
        RunningStation vigil = RunningStation.start(data, 6);
        ClinicSimulator calmMonitors = new ClinicSimulator(calm, "127.0.0.1", vigil.mllpPort(), Clock.systemUTC(), 2.0);
        // chair 3's surge (its cuff reading past 180 mmHg 20 s into the scenario) comes 2 s after its monitor starts
        ClinicSimulator surgingMonitor = new ClinicSimulator(List.of(surging), "127.0.0.1", vigil.mllpPort(),
                Clock.systemUTC(), 10.0);
        try (Chromium chromium = Chromium.launch();
             StreamRecorder events = new StreamRecorder(vigil.uri("/api/stream"), RunningStation.basic("nurse"))) {
            // given
            calm.forEach(monitor -> vigil.startSession(monitor, 124, 78));
            vigil.startSession(surging, 128, 80);
            calmMonitors.start();
            Page page = chromium.newPage(1920, 1080);
            List<String> scriptErrors = new CopyOnWriteArrayList<>();
            page.onPageError(scriptErrors::add);

            // when
            logIn(page, vigil, "nurse");

            // then: six tiles, values arriving and changing
            inBrowser().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(page.locator(".tile").count()).isEqualTo(6);
                assertThat(page.locator("#connection").textContent()).startsWith("Live");
                assertThat(page.locator("#user-name").textContent()).isEqualTo("nurse");
                for (int n : new int[] {1, 2, 4, 5, 6}) {
                    assertThat(tile(page, n).locator("[data-f=hr]").textContent()).matches("\\d+");
                }
            });
            Locator chair1 = tile(page, 1);
            String firstUpdate = chair1.getAttribute("data-updated");
            String firstValues = chair1.locator(".vitals").textContent();
            inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(chair1.getAttribute("data-updated")).isNotEqualTo(firstUpdate);
                assertThat(chair1.locator(".vitals").textContent()).isNotEqualTo(firstValues);
            });
            inBrowser().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(tile(page, 3).locator("li.alarm--technical").textContent())
                            .as("chair 3's monitor is not sending yet").contains("Device offline"));
            assertThat(tile(page, 3).getAttribute("data-priority")).isEqualTo("MEDIUM");
            page.click("#sound-enable");
            page.click("#audio-pause");
            assertThat(page.locator("#audio-pause").textContent()).startsWith("Audio paused");

            // then: the pause is recorded in Vigil for every chair in session, with who paused it
            inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                for (int n = 1; n <= 6; n++) {
                    assertThat(tile(page, n).locator("[data-f=audio-paused]").textContent())
                            .matches("sound paused (2:00|1:5\\d)");
                }
            });
            for (int n = 1; n <= 6; n++) {
                JsonNode pause = vigil.get("/api/chairs/chair-" + n + "/audio-pause");
                assertThat(pause.path("pausedBy").asText()).isEqualTo("nurse");
                assertThat(Duration.between(Instant.parse(pause.path("pausedAt").asText()),
                        Instant.parse(pause.path("until").asText()))).isEqualTo(Duration.ofMinutes(2));
            }
            assertThat(page.locator("#audio-pause-note").isVisible()).isFalse();
            Chromium.screenshot(page, "01-six-chairs-live");

            // when: the page is reloaded during the pause
            page.reload();

            // then: the countdown goes on from what Vigil recorded
            inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(page.locator("#connection").textContent()).startsWith("Live");
                assertThat(tile(page, 1).locator("[data-f=audio-paused]").textContent())
                        .matches("sound paused 1:\\d\\d");
            });
            page.click("#sound-enable");
            assertThat(page.locator("#audio-pause").textContent()).matches("Audio paused 1:\\d\\d — resume");

            // when: chair 3 surges
            surgingMonitor.start();
            Instant alarmEvent = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> highAlarmEvent(events, "chair-3"), Optional::isPresent).orElseThrow();

            // then: its tile turns red within 2 s of the alarm event reaching a screen
            page.waitForSelector("[data-chair=chair-3].tile--high",
                    new Page.WaitForSelectorOptions().setTimeout(ALARM_TO_RED.toMillis() + 3000));
            Duration alarmToRed = Duration.between(alarmEvent, Instant.now());
            assertThat(alarmToRed).as("alarm event → red tile").isLessThanOrEqualTo(ALARM_TO_RED);
            System.out.printf("Chair 3 tile red %d ms after the HIGH alarm event reached a stream listener%n",
                    alarmToRed.toMillis());
            Locator chair3 = tile(page, 3);
            assertThat(chair3.getAttribute("data-priority")).isEqualTo("HIGH");
            assertThat(chair3.evaluate("tile => getComputedStyle(tile).borderTopColor")).isEqualTo(HIGH_RED);
            assertThat(chair3.locator("[data-f=flag]").textContent()).contains("!!!", "HIGH");
            assertThat(chair3.locator("li.alarm--high").textContent()).contains("Severe hypertension");
            inBrowser().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
                assertThat(chair3.locator("[data-f=audio-paused]").isVisible())
                        .as("a new alarm of higher priority breaks through chair 3's pause").isFalse();
                assertThat(page.locator("#audio-pause").getAttribute("data-sounding")).isEqualTo("HIGH");
            });
            assertThat(tile(page, 1).locator("[data-f=audio-paused]").isVisible())
                    .as("the other chairs stay paused").isTrue();
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(vigil.get("/api/chairs/chair-3/audio-pause").path("endedAt").isNull())
                            .as("Vigil ended chair 3's pause too").isFalse());
            Chromium.screenshot(page, "02-high-alarm");

            // when: the nurse acknowledges it
            chair3.locator("li.alarm--high button.ack").first().click();

            // then
            inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(chair3.locator("li.alarm--high").first().textContent())
                            .contains("acknowledged by nurse"));
            assertThat(chair3.locator("li.alarm--high button.ack").first().isVisible()).isFalse();
            assertThat(acknowledgedBy(vigil.get("/api/chairs"), "chair-3")).contains("nurse");
            Chromium.screenshot(page, "03-acknowledged");

            Page tablet = page.context().newPage();
            tablet.setViewportSize(768, 1024);
            tablet.navigate(vigil.baseUrl() + "/");
            inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(tablet.locator(".tile[data-priority=HIGH]").count()).isEqualTo(1));
            Chromium.screenshot(tablet, "04-tablet-768");
            tablet.close();

            // when: Vigil stops
            surgingMonitor.stop();
            calmMonitors.stop();
            vigil.close();

            // then
            inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(page.locator("#banner").isVisible()).isTrue();
                assertThat(page.locator("#banner").textContent()).contains("Connection lost — data may be stale");
                assertThat(page.locator("body").getAttribute("class")).contains("stale");
                assertThat(page.locator("#connection").textContent()).startsWith("Stale");
            });
            Chromium.screenshot(page, "05-connection-lost");
            assertThat(scriptErrors).as("uncaught errors in the page").isEmpty();
        } finally {
            surgingMonitor.stop();
            calmMonitors.stop();
            vigil.close();
        }
    }

    static ConditionFactory inBrowser() {
        return await().pollInSameThread().pollInterval(Duration.ofMillis(100));
    }

    static void logIn(Page page, RunningStation vigil, String user) {
        page.navigate(vigil.baseUrl() + "/");
        assertThat(page.url()).endsWith("/login");
        assertThat(page.locator("h1.brand").textContent()).as("the station's own login page")
                .isEqualTo("Vigil station");
        page.fill("#username", user);
        page.fill("#password", "demo");
        page.click("button[type=submit]");
        page.waitForURL(url -> url.startsWith(vigil.baseUrl() + "/") && !url.contains("/login"));
    }

    static Locator tile(Page page, int chair) {
        return page.locator("[data-chair=chair-" + chair + "]");
    }

    private static Optional<Instant> highAlarmEvent(StreamRecorder events, String chair) {
        return events.named("alarm").stream()
                .filter(e -> e.data().contains("\"chairId\":\"" + chair + "\"") && e.data().contains("\"HIGH\""))
                .map(StreamRecorder.Event::receivedAt)
                .findFirst();
    }

    private static List<String> acknowledgedBy(JsonNode chairs, String chair) {
        return StreamSupport.stream(chairs.spliterator(), false)
                .filter(c -> c.path("chairId").asText().equals(chair))
                .flatMap(c -> StreamSupport.stream(c.path("activeAlarms").spliterator(), false))
                .map(alarm -> alarm.path("acknowledgedBy").asText(""))
                .filter(name -> !name.isEmpty())
                .toList();
    }
}
