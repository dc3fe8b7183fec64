package org.vigil.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigil.query.web.StationIT.inBrowser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.SessionId;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.scenario.Scenarios;

/**
 * The medical director's review pages in a real browser, on sessions recorded from simulated monitors over MLLP:
 * the list filters to the session with a HIGH alarm, the session's chart draws, the slider moves the replayed chair
 * tile to the alarm and back, and playback at 10× advances it. Screenshots are kept under
 * {@code target/screenshots}.
 */
class ReviewPagesIT {

    @TempDir
    Path data;

    @Test
    void aDirectorFiltersTheSessionsAndReplaysTheOneWithAHighAlarm() {
        MonitorSpec surging = MonitorSpec.numbered(1, Scenarios.SEVERE_HYPERTENSION, 71);
        MonitorSpec calm = MonitorSpec.numbered(2, Scenarios.NORMAL, 72);
        try (RunningStation vigil = RunningStation.start(data, 2); Chromium chromium = Chromium.launch()) {
            // given two recorded sessions, one with a severe hypertension
            Instant started = Instant.now();
            SessionId withAlarm = vigil.startSession(surging, 128, 80);
            SessionId quiet = vigil.startSession(calm, 124, 78);
            ClinicSimulator monitors = new ClinicSimulator(List.of(surging, calm), "127.0.0.1", vigil.mllpPort(),
                    Clock.systemUTC(), 4.0);
            monitors.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> vigil.get("/api/chairs").get(0)
                        .path("activeAlarms").findValuesAsText("rule").contains("severe-hypertension"));
                // recorded for more than the 10 s the playback must advance, and past the second after the alarm
                Instant recorded = Collections.max(List.of(started.plusSeconds(13), Instant.now().plusSeconds(2)));
                await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(recorded));
            } finally {
                monitors.stop();
            }
            vigil.command(new EndSessionCommand(withAlarm, "discharged", Instant.now()));
            vigil.command(new EndSessionCommand(quiet, "discharged", Instant.now()));
            vigil.awaitReadModels();
            Page page = chromium.newPage(1600, 1000);
            List<String> scriptErrors = new CopyOnWriteArrayList<>();
            page.onPageError(scriptErrors::add);
            StationIT.logIn(page, vigil, "director");

            // when the director lists the sessions and filters on a HIGH alarm
            page.navigate(vigil.baseUrl() + "/review");
            inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(page.locator("#sessions tbody tr").count()).isEqualTo(2));
            page.check("input[name=highAlarm]");
            page.click("#filters button[type=submit]");

            // then only the session with the alarm is left
            inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(page.locator("#sessions tbody tr").count()).isEqualTo(1);
                assertThat(page.locator("#sessions tbody tr").first().getAttribute("data-session"))
                        .isEqualTo(withAlarm.value());
            });
            assertThat(page.url()).contains("highAlarm=true");
            Chromium.screenshot(page, "review-01-sessions");

            // when the director opens it
            page.locator("#sessions tbody tr a").first().click();

            // then the chart is drawn and the summary filled
            inBrowser().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(page.locator("#chart[data-drawn=true] canvas").count()).isPositive();
                assertThat(page.locator("[data-figure='Peak SBP']").textContent()).contains("mmHg");
                assertThat(page.locator("[data-figure='Alarms']").textContent()).contains("HIGH 1");
                assertThat(page.locator("#alarms tbody").textContent()).contains("Severe hypertension");
            });
            Locator tile = page.locator("#tile-slot .tile");

            // when the slider is moved to just after the alarm was raised, then back to the start
            JsonNode alarm = StreamSupport.stream(vigil.get("/api/sessions/" + withAlarm.value() + "/alarms")
                    .spliterator(), false).filter(a -> a.path("rule").asText().equals("severe-hypertension"))
                    .findFirst().orElseThrow();
            Instant raised = Instant.parse(alarm.path("raisedAt").asText());
            slideTo(page, raised.plusSeconds(1));
            inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                // the tile carries no time until its first replayed moment has come back
                String shownAt = tile.getAttribute("data-at");
                assertThat(shownAt).as("the moment the tile shows").isNotNull();
                assertThat(Instant.parse(shownAt)).isEqualTo(raised.plusSeconds(1).truncatedTo(ChronoUnit.MILLIS));
                assertThat(tile.locator("li.alarm").first().textContent()).contains("HIGH");
            });
            Chromium.screenshot(page, "review-02-session-at-alarm");
            page.evaluate("() => { const s = document.getElementById('slider'); s.value = s.min;"
                    + " s.dispatchEvent(new Event('input')); }");
            inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(tile.locator("li.alarm").count()).isZero());

            // when playback runs at 10×
            Instant from = Instant.parse(tile.getAttribute("data-at"));
            page.click("[data-speed='10']");

            // then the tile moves on through the session
            inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(Instant.parse(tile.getAttribute("data-at"))).isAfter(from.plusSeconds(10)));
            page.click("#pause");
            assertThat(scriptErrors).isEmpty();
        }
    }

    private static void slideTo(Page page, Instant at) {
        page.evaluate("at => { const s = document.getElementById('slider'); s.value = at;"
                + " s.dispatchEvent(new Event('input')); }", String.valueOf(at.toEpochMilli()));
    }
}
