package org.vigil.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one tile says for a given {@code ChairView}, in Chromium, with the page's own modules and template and a
 * fixed clock (10:00:00Z): the session fields (phase, dose start, next BP, REMS checkpoint, pump, device link
 * state, stale BP) as the API names them, "—" with a reason for anything Vigil did not send, escalations, the
 * actions an alarm offers and a chair's audio pause. The page is served without Vigil behind it, so it first
 * says Vigil cannot be reached; the tile is then drawn on its own.
 */
class TileRenderingIT {

    private static final String NOW = "2026-11-21T10:00:00Z";

    private static StaticFiles files;
    private static Chromium chromium;
    private Page page;

    @BeforeAll
    static void startBrowser() {
        files = StaticFiles.serve();
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
        files.close();
    }

    @BeforeEach
    void openPage() {
        page = chromium.newPage(1280, 800);
        page.navigate(files.url("/"));
        page.waitForSelector(".failure");
    }

    /** Each test's window is closed after it: an open one keeps running the page (and flashing its alarms). */
    @AfterEach
    void closePage() {
        page.context().close();
    }

    @Test
    void showsPhaseDoseTimeNextBpCheckpointPumpDoseAndDeviceStateAsVigilSendsThem() {
        // when
        Locator tile = render("""
                {"chairId": "chair-7",
                 "session": {"sessionId": "s-7", "patientPseudonym": "PSN-0007", "weightKg": 72.5, "ageYears": 44,
                   "treatment": "IV_KETAMINE", "baseline": {"systolic": 124, "diastolic": 78, "heartRate": 72,
                   "spo2": 97}, "startedAt": "2026-11-21T09:20:00Z", "endedAt": null},
                 "phase": "DOSING", "doseStartedAt": "2026-11-21T09:37:00Z",
                 "nextBpDueAt": "2026-11-21T10:03:12Z", "bpStale": true,
                 "nextCheckpoint": {"label": "40-min BP", "dueAt": "2026-11-21T10:12:03Z"},
                 "pump": {"deviceId": "pump-7", "drug": "Ketamine", "status": "INFUSING", "rateMlPerHour": 12.5,
                   "volumeInfusedMl": 8.34, "vtbiMl": 20, "timeRemaining": "PT18M30S", "doseDeliveredMg": 17.4,
                   "doseDeliveredMgPerKg": 0.24},
                 "vitals": {
                   "HEART_RATE": {"value": 88, "unit": "/min", "receivedAt": "2026-11-21T09:59:59Z"},
                   "SPO2": {"value": null, "unit": "%", "receivedAt": "2026-11-21T09:59:59Z"},
                   "NIBP_SYSTOLIC": {"value": 142, "receivedAt": "2026-11-21T09:56:00Z"},
                   "NIBP_DIASTOLIC": {"value": 87, "receivedAt": "2026-11-21T09:56:00Z"}},
                 "activeAlarms": [],
                 "devices": [{"deviceId": "monitor-7", "state": "CONNECTED", "offline": false},
                             {"deviceId": "pump-7", "state": "DISCONNECTED", "offline": true}],
                 "updatedAt": "2026-11-21T09:59:59Z"}
                """);

        // then
        assertThat(text(tile, "phase")).isEqualTo("Dosing · 23 min since dose start");
        assertThat(text(tile, "hr")).isEqualTo("88");
        assertThat(text(tile, "spo2")).isEqualTo("—");
        assertThat(text(tile, "spo2-note")).isEqualTo("not available");
        assertThat(text(tile, "rr")).isEqualTo("—");
        assertThat(text(tile, "rr-note")).isEqualTo("no reading");
        assertThat(text(tile, "bp")).isEqualTo("142/87");
        assertThat(text(tile, "bp-change")).isEqualTo("+18/+9 vs baseline");
        assertThat(text(tile, "bp-note")).isEqualTo("4 min ago");
        assertThat(tile.locator("[data-f=bp-stale]").isVisible()).isTrue();
        assertThat(text(tile, "next-bp")).isEqualTo("in 3:12");
        assertThat(text(tile, "checkpoint-label")).as("IV ketamine has no REMS").isEqualTo("Checkpoint");
        assertThat(text(tile, "checkpoint")).isEqualTo("40-min BP in 12:03");
        assertThat(text(tile, "pump")).isEqualTo("Ketamine · infusing · 12.5 mL/h · 8.3 of 20.0 mL · 18:30 left");
        assertThat(text(tile, "dose")).isEqualTo("0.24 mg/kg (17.4 mg)");
        assertThat(text(tile, "devices")).isEqualTo("monitor-7 connected, pump-7 offline");
        assertThat(tile.locator("[data-f=devices]").getAttribute("class")).contains("offline");
    }

    @Test
    void saysNotReportedInsteadOfInventingWhatVigilDidNotSend() {
        // when
        Locator tile = render("""
                {"chairId": "chair-2",
                 "session": {"sessionId": "s-2", "patientPseudonym": "PSN-0002", "weightKg": 80, "ageYears": 51,
                   "baseline": {"systolic": 130, "diastolic": 80, "heartRate": 70, "spo2": 98},
                   "startedAt": "2026-11-21T09:48:00Z", "endedAt": null},
                 "vitals": {"HEART_RATE": {"value": 71, "receivedAt": "2026-11-21T09:59:20Z"}},
                 "activeAlarms": [], "devices": ["sim-monitor-02"], "updatedAt": "2026-11-21T09:59:20Z"}
                """);

        // then
        assertThat(text(tile, "phase")).isEqualTo("In session · 12 min since session start");
        assertThat(text(tile, "hr-note")).as("a 40 s old heart rate says its age").isEqualTo("40 s ago");
        assertThat(text(tile, "bp")).isEqualTo("—");
        assertThat(text(tile, "bp-change")).isEqualTo("no reading yet");
        assertThat(text(tile, "next-bp")).isEqualTo("— not reported");
        assertThat(text(tile, "checkpoint")).isEqualTo("— not reported");
        assertThat(text(tile, "pump")).isEqualTo("— not reported");
        assertThat(text(tile, "dose")).isEqualTo("— not reported");
        assertThat(text(tile, "devices")).isEqualTo("sim-monitor-02 state —");
        assertThat(tile.locator("[data-f=bp-stale]").isVisible()).isFalse();
    }

    @Test
    void readsAPumpTimeLeftGivenInSecondsAndSaysWhenTheNextBpIsOverdue() {
        // when
        Locator tile = render("""
                {"chairId": "chair-4",
                 "session": {"sessionId": "s-4", "patientPseudonym": "PSN-0004", "weightKg": 60, "ageYears": 30,
                   "baseline": {"systolic": 118, "diastolic": 70, "heartRate": 66, "spo2": 99},
                   "startedAt": "2026-11-21T09:00:00Z", "endedAt": null},
                 "phase": "OBSERVATION", "doseStartedAt": null, "nextBpDueAt": "2026-11-21T09:58:55Z",
                 "bpStale": false, "nextCheckpoint": null,
                 "pump": {"drug": null, "status": "KVO", "rateMlPerHour": null, "volumeInfusedMl": 20,
                   "vtbiMl": 20, "timeRemaining": 0, "doseDeliveredMg": null, "doseDeliveredMgPerKg": null},
                 "vitals": {}, "activeAlarms": [], "devices": [], "updatedAt": "2026-11-21T09:59:00Z"}
                """);

        // then
        assertThat(text(tile, "phase")).isEqualTo("Observation · 60 min since session start");
        assertThat(text(tile, "next-bp")).isEqualTo("overdue 1:05");
        assertThat(tile.locator("[data-f=next-bp]").getAttribute("class")).contains("overdue");
        assertThat(text(tile, "checkpoint")).isEqualTo("— none due");
        assertThat(text(tile, "pump")).isEqualTo("— drug · kvo · — mL/h · 20.0 of 20.0 mL · 0:00 left");
        assertThat(text(tile, "dose")).isEqualTo("— not reported");
        assertThat(text(tile, "devices")).isEqualTo("— none bound");
    }

    @Test
    void marksATechnicalAlarmApartAndAHighAlarmWithTextNotOnlyColour() {
        // when
        Locator tile = render("""
                {"chairId": "chair-5",
                 "session": {"sessionId": "s-5", "patientPseudonym": "PSN-0005", "weightKg": 70, "ageYears": 40,
                   "baseline": {"systolic": 120, "diastolic": 75, "heartRate": 70, "spo2": 98},
                   "startedAt": "2026-11-21T09:30:00Z", "endedAt": null},
                 "vitals": {},
                 "activeAlarms": [
                   {"alarmId": "a-1", "chairId": "chair-5", "rule": "device-offline", "priority": "MEDIUM",
                    "kind": "TECHNICAL", "message": "Device sim-monitor-05 offline",
                    "raisedAt": "2026-11-21T09:59:00Z", "conditionEnded": false, "acknowledgedBy": null},
                   {"alarmId": "a-2", "chairId": "chair-5", "rule": "severe-hypertension", "priority": "HIGH",
                    "kind": "PHYSIOLOGICAL", "message": "SBP 186 mmHg > 180",
                    "raisedAt": "2026-11-21T09:58:00Z", "conditionEnded": true, "acknowledgedBy": "nurse",
                    "acknowledgedAt": "2026-11-21T09:59:30Z"}],
                 "devices": [], "updatedAt": "2026-11-21T09:59:30Z"}
                """);

        // then
        assertThat(tile.getAttribute("data-priority")).isEqualTo("HIGH");
        assertThat(tile.getAttribute("class")).contains("tile--high").doesNotContain("tile--flash");
        assertThat(text(tile, "flag")).isEqualTo("!!! HIGH · ✓ nurse");
        Locator high = tile.locator("li.alarm").nth(0);
        assertThat(high.locator(".marker").textContent()).isEqualTo("!!! HIGH");
        assertThat(high.locator(".state").textContent()).isEqualTo("back in range · acknowledged by nurse");
        assertThat(high.locator("button.ack").isVisible()).isFalse();
        Locator technical = tile.locator("li.alarm").nth(1);
        assertThat(technical.getAttribute("class")).contains("alarm--technical");
        assertThat(technical.locator(".tech").isVisible()).isTrue();
        assertThat(technical.locator(".since").textContent()).isEqualTo("1 min");
        assertThat(technical.locator("button.ack").getAttribute("aria-label"))
                .isEqualTo("Acknowledge MEDIUM alarm Device offline at Chair 5");
    }

    @Test
    void showsWhomAnAlarmWasEscalatedToAndHowLongAgoProminently() {
        // when
        Locator tile = render(ALARMS_AT_CHAIR_6);

        // then
        assertThat(text(tile, "flag")).isEqualTo("!!! HIGH · ESCALATED");
        assertThat(tile.getAttribute("class")).contains("tile--escalated");
        Locator escalated = alarm(tile, "a-high");
        assertThat(escalated.getAttribute("class")).contains("alarm--escalated");
        assertThat(escalated.locator(".escalation").textContent())
                .isEqualTo("escalated to charge nurse / provider · 1:02 ago");
        assertThat(escalated.locator(".escalation").evaluate("e => getComputedStyle(e).backgroundColor"))
                .as("a light bar on the dark tile").isEqualTo("rgb(232, 237, 242)");
        assertThat(escalated.locator(".escalation").evaluate("e => getComputedStyle(e).fontWeight"))
                .isEqualTo("800");
        assertThat(alarm(tile, "a-occlusion").locator(".escalation").isVisible()).isFalse();
    }

    @Test
    void offersResolveOnTechnicalAlarmsAndOverrideOnASoftLimitBesideAcknowledge() {
        // when
        Locator tile = render(ALARMS_AT_CHAIR_6);

        // then
        assertThat(alarm(tile, "a-occlusion").locator("button.more").textContent()).isEqualTo("Resolve…");
        assertThat(alarm(tile, "a-occlusion").locator("button.more").getAttribute("aria-label"))
                .isEqualTo("Resolve Pump occlusion at Chair 6");
        assertThat(alarm(tile, "a-soft").locator("button.more").textContent()).isEqualTo("Override…");
        assertThat(alarm(tile, "a-offline").locator("button.more").isVisible())
                .as("device offline clears when the device is back").isFalse();
        assertThat(alarm(tile, "a-high").locator("button.more").isVisible()).isFalse();
        for (String id : new String[] {"a-high", "a-occlusion", "a-soft", "a-offline"}) {
            assertThat(alarm(tile, id).locator("button.ack").textContent()).isEqualTo("Acknowledge");
        }
    }

    @Test
    void asksForTheReasonInsideTheAlarmRowAndForgetsItOnCancel() {
        // given: a live page (without Vigil behind it the page is stale, where alarm buttons take no presses)
        Locator tile = render(ALARMS_AT_CHAIR_6);
        Locator row = alarm(tile, "a-soft");
        page.evaluate("document.body.classList.remove('stale')");

        // when
        row.locator("button.more").click();

        // then
        assertThat(row.locator("form.reason").isVisible()).isTrue();
        assertThat(row.locator("form.reason label").textContent()).isEqualTo("Reason for overriding the soft limit");
        assertThat(row.locator("form.reason button.confirm").textContent()).isEqualTo("Override");
        assertThat(row.locator("button.more").isVisible()).isFalse();
        assertThat((Boolean) row.locator("form.reason input").evaluate("i => i === document.activeElement"))
                .isTrue();

        // when
        row.locator("form.reason input").fill("half typed");
        row.locator("button.cancel").click();

        // then
        assertThat(row.locator("form.reason").isVisible()).isFalse();
        assertThat(row.locator("button.more").isVisible()).isTrue();
        assertThat(row.locator("form.reason input").inputValue()).isEmpty();
    }

    @Test
    void showsAChairsAudioPauseCountingDownWithWhoPausedIt() {
        // when
        Locator tile = render(ALARMS_AT_CHAIR_6, "{\"remainingMs\": 83400, \"by\": \"nurse\"}");

        // then
        assertThat(text(tile, "audio-paused")).isEqualTo("sound paused 1:24");
        assertThat(tile.locator("[data-f=audio-paused]").getAttribute("title")).isEqualTo("Audio paused by nurse");
        assertThat(render(ALARMS_AT_CHAIR_6).locator("[data-f=audio-paused]").isVisible()).isFalse();
    }

    @Test
    void namesAnEsketamineCheckpointRemsAndDrawsTheTrendsVigilKept() {
        // when
        Locator tile = render("""
                {"chairId": "chair-8",
                 "session": {"sessionId": "s-8", "patientPseudonym": "PSN-0008", "weightKg": 64, "ageYears": 52,
                   "treatment": "ESKETAMINE", "baseline": {"systolic": 126, "diastolic": 80, "heartRate": 70,
                   "spo2": 98}, "startedAt": "2026-11-21T09:40:00Z", "endedAt": null},
                 "phase": "OBSERVATION", "doseStartedAt": "2026-11-21T09:45:00Z",
                 "nextCheckpoint": {"label": "BP at 40 min", "dueAt": "2026-11-21T10:25:00Z"},
                 "vitals": {}, "activeAlarms": [], "devices": [], "updatedAt": "2026-11-21T09:59:59Z"}
                """, null, """
                {"HEART_RATE": [{"t": 1795254600000, "v": 72.0}, {"t": 1795254900000, "v": 80.0},
                                {"t": 1795255140000, "v": 76.0}],
                 "NIBP_SYSTOLIC": [{"t": 1795254900000, "v": 141.0}],
                 "NIBP_DIASTOLIC": [{"t": 1795254900000, "v": 88.0}]}
                """);

        // then
        assertThat(text(tile, "checkpoint-label")).isEqualTo("REMS");
        assertThat(text(tile, "checkpoint")).isEqualTo("BP at 40 min in 25:00");
        assertThat(tile.locator("[data-f=trend-hr] path.line-hr").getAttribute("d")).matches("M[^ML]+( L[^ML]+){2}");
        assertThat(tile.locator("[data-f=trend-bp] circle.dot").count()).isEqualTo(2);
        assertThat(tile.locator("[data-f=trend-bp]").getAttribute("class")).doesNotContain("empty");
    }

    @Test
    void showsAFreeChairAsFree() {
        // when
        Locator tile = render("""
                {"chairId": "chair-11", "session": null, "vitals": {}, "activeAlarms": [], "devices": [],
                 "updatedAt": "2026-11-21T09:00:00Z"}
                """);

        // then
        assertThat(tile.getAttribute("class")).contains("tile--free");
        assertThat(text(tile, "free")).isEqualTo("Free");
        assertThat(tile.locator("[data-f=body]").isVisible()).isFalse();
        assertThat(tile.locator(".vital .value").allTextContents()).allMatch(String::isEmpty);
    }

    private static final String ALARMS_AT_CHAIR_6 = """
            {"chairId": "chair-6",
             "session": {"sessionId": "s-6", "patientPseudonym": "PSN-0006", "weightKg": 70, "ageYears": 40,
               "baseline": {"systolic": 120, "diastolic": 75, "heartRate": 70, "spo2": 98},
               "startedAt": "2026-11-21T09:30:00Z", "endedAt": null},
             "vitals": {},
             "activeAlarms": [
               {"alarmId": "a-high", "chairId": "chair-6", "rule": "severe-hypertension", "priority": "HIGH",
                "kind": "PHYSIOLOGICAL", "message": "SBP 188 mmHg > 180", "raisedAt": "2026-11-21T09:57:58Z",
                "conditionEnded": false, "acknowledgedBy": null, "escalatedAt": "2026-11-21T09:58:58Z",
                "escalatedTo": "charge nurse / provider"},
               {"alarmId": "a-occlusion", "chairId": "chair-6", "rule": "pump-occlusion", "priority": "HIGH",
                "kind": "TECHNICAL", "message": "Downstream occlusion", "raisedAt": "2026-11-21T09:59:30Z",
                "conditionEnded": false, "acknowledgedBy": null, "escalatedAt": null, "escalatedTo": null},
               {"alarmId": "a-soft", "chairId": "chair-6", "rule": "drug-library-soft-limit", "priority": "LOW",
                "kind": "PHYSIOLOGICAL", "message": "0.80 mg/kg above the soft limit 0.75 mg/kg",
                "raisedAt": "2026-11-21T09:59:00Z", "conditionEnded": false, "acknowledgedBy": null},
               {"alarmId": "a-offline", "chairId": "chair-6", "rule": "device-offline", "priority": "MEDIUM",
                "kind": "TECHNICAL", "message": "Device sim-monitor-06 offline",
                "raisedAt": "2026-11-21T09:59:10Z", "conditionEnded": false, "acknowledgedBy": null}],
             "devices": [], "updatedAt": "2026-11-21T09:59:30Z"}
            """;

    private Locator render(String chairJson) {
        return render(chairJson, null);
    }

    private Locator render(String chairJson, String pauseJson) {
        return render(chairJson, pauseJson, null);
    }

    /**
     * Draws the chair's tile. {@code pauseJson} is what the page knows of the chair's audio pause, {@code trendsJson}
     * the points of {@code GET /api/chairs/{id}/trends}; either may be null.
     */
    private Locator render(String chairJson, String pauseJson, String trendsJson) {
        page.evaluate("""
                async ([json, now, pauseJson, trendsJson]) => {
                  const { createTile, updateTile } = await import('/js/tile.js');
                  const { TrendHistory } = await import('/js/trends.js');
                  const chair = JSON.parse(json);
                  const pause = pauseJson ? JSON.parse(pauseJson) : null;
                  const history = new TrendHistory();
                  if (trendsJson) {
                    history.merge(chair.chairId, chair.session.sessionId, JSON.parse(trendsJson));
                  }
                  const tile = createTile(document.getElementById('tile-template'), chair.chairId);
                  const grid = document.getElementById('chairs');
                  grid.replaceChildren(tile);
                  updateTile(tile, chair, { now: Date.parse(now), history, pending: new Map(), actions: new Map(),
                    audioPause: () => pause });
                }
                """, new Object[] {chairJson, NOW, pauseJson, trendsJson});
        return page.locator("#chairs .tile");
    }

    private static Locator alarm(Locator tile, String alarmId) {
        return tile.locator("li[data-alarm=" + alarmId + "]");
    }

    private static String text(Locator tile, String field) {
        return tile.locator("[data-f=" + field + "]").textContent();
    }
}
