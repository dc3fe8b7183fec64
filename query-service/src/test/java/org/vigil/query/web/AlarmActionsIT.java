package org.vigil.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigil.query.web.StationIT.inBrowser;
import static org.vigil.query.web.StationIT.logIn;
import static org.vigil.query.web.StationIT.tile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.EscalateAlarmCommand;
import org.vigil.core.api.RaiseAlarmCommand;
import org.vigil.core.api.SessionId;
import org.vigil.query.RunningVigil;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.scenario.Scenarios;

/**
 * What a nurse does with an alarm besides acknowledging it, in Chromium against the real application: resolve a
 * technical alarm and override a drug-library soft limit, each with a reason kept in Vigil with who gave it; see
 * an escalation as it is pushed; and an audio pause recorded per chair, told when Vigil did not record it, and
 * restored after a reload unless the nurse resumed it. The alarms are raised and escalated with the same commands
 * the application's own deciders send.
 */
class AlarmActionsIT {

    private static final String RECIPIENT = "charge nurse / provider";

    @TempDir
    Path data;

    private RunningStation vigil;
    private Chromium chromium;
    private SessionId chair1;
    private SessionId chair2;
    private Page page;
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openStation() {
        vigil = RunningStation.start(data, 2);
        chromium = Chromium.launch();
        chair1 = vigil.startSession(MonitorSpec.numbered(1, Scenarios.NORMAL, 1), 124, 78);
        chair2 = vigil.startSession(MonitorSpec.numbered(2, Scenarios.NORMAL, 2), 130, 80);
        page = chromium.newPage(1920, 1080);
        page.onPageError(scriptErrors::add);
        logIn(page, vigil, "nurse");
        inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(page.locator(".tile").count()).isEqualTo(2);
            assertThat(page.locator("#connection").textContent()).startsWith("Live");
        });
    }

    @AfterEach
    void close() {
        try {
            chromium.close();
        } finally {
            vigil.close();
        }
    }

    @Test
    void aNurseResolvesATechnicalAlarmAndOverridesASoftLimitWithAReasonAndSeesAnEscalation() {
        // given
        AlarmId cuff = raise(chair1, "nibp-failed", AlarmPriority.MEDIUM, AlarmKind.TECHNICAL,
                "NIBP measurement failed");
        AlarmId softLimit = raise(chair2, "drug-library-soft-limit", AlarmPriority.LOW, AlarmKind.PHYSIOLOGICAL,
                "Dose 0.80 mg/kg above the soft limit 0.75 mg/kg");
        AlarmId severe = raise(chair2, "severe-hypertension", AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL,
                "SBP 186 mmHg > 180");
        Locator cuffRow = row(1, cuff);
        Locator softLimitRow = row(2, softLimit);
        Locator severeRow = row(2, severe);
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(cuffRow.locator("button.more").textContent()).isEqualTo("Resolve…");
            assertThat(softLimitRow.locator("button.more").textContent()).isEqualTo("Override…");
            assertThat(severeRow.locator("button.more").isVisible()).isFalse();
        });
        assertThat(cuffRow.locator("button.ack").isVisible()).as("acknowledging stays the main action").isTrue();

        // when: the HIGH alarm is escalated
        vigil.command(new EscalateAlarmCommand(chair2, severe, RECIPIENT, Instant.now()));

        // then
        inBrowser().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(severeRow.locator(".escalation").textContent())
                    .matches("escalated to charge nurse / provider · 0:0\\d ago");
            assertThat(tile(page, 2).locator("[data-f=flag]").textContent()).isEqualTo("!!! HIGH · ESCALATED");
        });
        Chromium.screenshot(page, "11-escalated-resolve-override");

        // when: the nurse resolves the technical alarm, first without saying why
        cuffRow.locator("button.more").click();
        cuffRow.locator("form.reason button.confirm").click();

        // then
        assertThat(cuffRow.locator(".reason-error").textContent()).isEqualTo("A reason is needed.");
        assertThat(page.locator("li[data-alarm='" + cuff.value() + "']").count()).isEqualTo(1);

        // when
        cuffRow.locator("form.reason input").fill("cuff replaced, reading repeated");
        cuffRow.locator("form.reason button.confirm").click();

        // then
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(page.locator("li[data-alarm='" + cuff.value() + "']").count()).isZero());
        JsonNode resolved = record(chair1, cuff);
        assertThat(resolved.path("resolvedBy").asText()).isEqualTo("nurse");
        assertThat(resolved.path("resolution").asText()).isEqualTo("resolved: cuff replaced, reading repeated");

        // when: the nurse overrides the soft limit
        softLimitRow.locator("button.more").click();
        softLimitRow.locator("form.reason input").fill("dose confirmed with the prescriber");
        softLimitRow.locator("form.reason input").press("Enter");

        // then
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(page.locator("li[data-alarm='" + softLimit.value() + "']").count()).isZero());
        JsonNode overridden = record(chair2, softLimit);
        assertThat(overridden.path("resolvedBy").asText()).isEqualTo("nurse");
        assertThat(overridden.path("resolution").asText())
                .isEqualTo("soft limit overridden: dose confirmed with the prescriber");
        assertThat(severeRow.locator(".escalation").isVisible()).isTrue();
        assertThat(scriptErrors).as("uncaught errors in the page").isEmpty();
    }

    @Test
    void anAudioPauseVigilDidNotRecordIsToldAndARecordedOneOutlivesAReloadUntilResumed() {
        // given: the screen's estimate of Vigil's clock is a second and a half behind, as after a slow answer
        page.route("**/api/station", route -> clockBehind(route, Duration.ofMillis(1500)));
        page.reload();
        // and: the monitors, which send nothing, are offline at both chairs; Vigil cannot record chair 2's pause
        inBrowser().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(tile(page, 1).locator("li.alarm--technical").textContent()).contains("Device offline");
            assertThat(tile(page, 2).locator("li.alarm--technical").textContent()).contains("Device offline");
        });
        page.route("**/api/chairs/chair-2/audio-pause", this::refuse);
        page.click("#sound-enable");

        // when
        page.click("#audio-pause");

        // then
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(page.locator("#audio-pause-note")
                .textContent()).isEqualTo("Audio pause not recorded for Chair 2 (the event store is not "
                        + "answering): its alarms still sound"));
        assertThat(page.locator("#audio-pause").textContent()).matches("Audio paused (2:00|1:5\\d) — resume");
        assertThat(tile(page, 1).locator("[data-f=audio-paused]").isVisible()).isTrue();
        assertThat(tile(page, 1).locator("[data-f=audio-paused]").getAttribute("title"))
                .isEqualTo("Audio paused by nurse");
        assertThat(tile(page, 2).locator("[data-f=audio-paused]").isVisible()).isFalse();
        assertThat(vigil.get("/api/chairs/chair-1/audio-pause").path("pausedBy").asText()).isEqualTo("nurse");
        assertThat(vigil.send("/api/chairs/chair-2/audio-pause", RunningStation.basic("nurse")).statusCode())
                .as("never paused in Vigil").isEqualTo(404);
        Chromium.screenshot(page, "12-audio-pause-not-recorded");

        // when: reloaded
        page.reload();

        // then: chair 1 is still paused, chair 2 is not
        inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tile(page, 1).locator("[data-f=audio-paused]").textContent())
                        .matches("sound paused 1:\\d\\d"));
        assertThat(tile(page, 2).locator("[data-f=audio-paused]").isVisible()).isFalse();
        page.click("#sound-enable");
        assertThat(page.locator("#audio-pause").textContent()).matches("Audio paused 1:\\d\\d — resume");

        // when: the nurse resumes the sounds and reloads
        page.click("#audio-pause");
        assertThat(page.locator("#audio-pause").textContent()).isEqualTo("Audio pause 2:00");
        page.reload();

        // then: the pause she ended stays ended
        inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(page.locator("#connection").textContent()).startsWith("Live"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).pollInSameThread().untilAsserted(() ->
                assertThat(tile(page, 1).locator("[data-f=audio-paused]").isVisible()).isFalse());
        assertThat(scriptErrors).as("uncaught errors in the page").isEmpty();
    }

    private void refuse(Route route) {
        if ("POST".equals(route.request().method())) {
            route.fulfill(new Route.FulfillOptions().setStatus(503).setContentType("application/json")
                    .setBody("{\"error\":\"Service Unavailable\",\"reason\":\"the event store is not answering\"}"));
        } else {
            route.resume();
        }
    }

    /** Answers {@code /api/station} with Vigil's time given as {@code behind} earlier than it was. */
    private static void clockBehind(Route route, Duration behind) {
        APIResponse answer = route.fetch();
        ObjectNode settings = (ObjectNode) RunningVigil.json(answer.text());
        settings.put("serverTime", Instant.parse(settings.path("serverTime").asText()).minus(behind).toString());
        route.fulfill(new Route.FulfillOptions().setResponse(answer).setBody(settings.toString()));
    }

    private AlarmId raise(SessionId session, String rule, AlarmPriority priority, AlarmKind kind, String message) {
        AlarmId alarm = AlarmId.random();
        Instant now = Clock.systemUTC().instant();
        vigil.command(new RaiseAlarmCommand(session, alarm, rule, priority, kind, message, null, now, now));
        return alarm;
    }

    private Locator row(int chair, AlarmId alarm) {
        return tile(page, chair).locator("li[data-alarm='" + alarm.value() + "']");
    }

    private JsonNode record(SessionId session, AlarmId alarm) {
        vigil.awaitReadModels();
        return await().atMost(Duration.ofSeconds(5)).until(() -> StreamSupport.stream(
                        vigil.get("/api/sessions/" + session.value() + "/alarms").spliterator(), false)
                .filter(a -> a.path("alarmId").asText().equals(alarm.value()))
                .filter(a -> !a.path("resolution").isNull())
                .findFirst().orElse(null), r -> r != null);
    }
}
