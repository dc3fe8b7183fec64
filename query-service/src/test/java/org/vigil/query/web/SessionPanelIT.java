package org.vigil.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.query.web.StationIT.inBrowser;
import static org.vigil.query.web.StationIT.logIn;
import static org.vigil.query.web.StationIT.tile;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.testing.MutableClock;
import org.vigil.query.RunningVigil;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.mllp.MllpClientSettings;
import org.vigil.simulator.pump.PumpDose;
import org.vigil.simulator.pump.PumpIdentity;
import org.vigil.simulator.pump.PumpScenarios;
import org.vigil.simulator.pump.SimulatedPump;
import org.vigil.simulator.scenario.Scenario;
import org.vigil.simulator.scenario.Scenarios;

/**
 * A nurse runs whole sessions from the station by clicking, in Chromium against the real application, while a
 * simulated monitor (and, for IV ketamine, a pump) feed the chair over MLLP: booking (at the chair, or for today and
 * then seated at the chair), check-in, the pre-assessment
 * pre-filled from the monitor, the gate, the director's prescription with the library's limits, dosing, the
 * checkpoints, a refused step with its reason, discharge. Vigil's clock is moved forward through the observation
 * periods; the monitor and pump run in real time (faster than life), so their readings arrive at Vigil's new time.
 * One application serves the whole class; each test uses its own chair.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionPanelIT {

    /**
     * The monitors run 5 times faster than life, their cuffs cycling every 30 simulated seconds (6 s here) besides
     * the clinical cadence: the steps that need a fresh blood pressure wait for the next cycle.
     */
    private static final double MONITOR_SPEED = 5;
    private static final Scenario PATIENT = Scenarios.normalWithCuffEvery(Duration.ofSeconds(30));
    private static final PumpDose KETAMINE = PumpDose.ketamine(70, 1.0);

    @TempDir
    static Path data;

    private final MutableClock clock = new MutableClock(Instant.now());
    private RunningStation vigil;
    private ClinicSimulator monitors;
    private Chromium chromium;
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();
    private final List<Page> stations = new ArrayList<>();

    @BeforeAll
    void start() {
        vigil = RunningStation.start(data, 3, clock, List.of(
                "--vigil.devices[3].id=" + PumpIdentity.numbered(1).deviceName(), "--vigil.devices[3].chair=chair-1",
                "--vigil.users[2].name=nurse2", "--vigil.users[2].password=" + RunningVigil.DEMO_PASSWORD_HASH,
                "--vigil.users[2].roles=NURSE"));
        monitors = new ClinicSimulator(List.of(MonitorSpec.numbered(1, PATIENT, 1),
                MonitorSpec.numbered(2, PATIENT, 6)), "127.0.0.1", vigil.mllpPort(), Clock.systemUTC(),
                MONITOR_SPEED);
        monitors.start();
        chromium = Chromium.launch();
    }

    /** The nurse's and director's windows of a test are closed when it ends, as they would close them. */
    @AfterEach
    void closeStations() {
        stations.forEach(page -> page.context().close());
        stations.clear();
    }

    @AfterAll
    void stop() {
        try {
            monitors.stop();
            chromium.close();
        } finally {
            vigil.close();
        }
    }

    @Test
    @Order(1)
    void aNurseWalksAnIvKetamineSessionFromBookingToDischargeByClicking() {
        Page nurse = station("nurse", 1920, 1080);
        Page director = station("director", 1920, 1080);

        // when: the nurse books chair 1
        tile(nurse, 1).locator("button.open-panel").click();
        Locator panel = nurse.locator("#panel");
        panel.locator("input[name=patientPseudonym]").fill("PT-IV-01");
        panel.locator("input[name=weightKg]").fill("70");
        panel.locator("input[name=ageYears]").fill("41");
        panel.locator("label.choice:has-text('IV ketamine')").click();
        panel.locator("button:has-text('Book session')").click();

        // then
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(panel.locator("[data-f=state]").textContent()).isEqualTo("IV ketamine · booked, not checked in");
            assertThat(tile(nurse, 1).locator("[data-f=patient]").textContent()).isEqualTo("PT-IV-01");
        });
        click(panel, "Check in");
        inBrowser().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=prefill]").textContent())
                        .as("the monitor's next cuff reading").startsWith("From the monitor at"));
        assertThat(panel.locator("input[name=systolic]").inputValue()).matches("\\d{2,3}");
        assertThat(panel.locator("[data-f=taken]").textContent()).contains("Checked in", "by nurse");
        assertBesideTheTiles(nurse, 1920, 1080);
        Chromium.screenshot(nurse, "20-session-panel-pre-assessment");

        // when: the nurse confirms the pre-filled baseline; the director prescribes on her own screen
        panel.locator("label.choice:has-text('Yes')").click();
        click(panel, "Record pre-assessment");
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=state]").textContent()).endsWith("pre-assessed"));
        tile(director, 1).locator("button.open-panel").click();
        Locator prescribing = director.locator("#panel form.prescribe");
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(prescribing.locator("[data-f=limits]").textContent())
                        .contains("Dose per session: soft 0.10–0.75, hard 0.05–1.00 mg/kg")
                        .contains("Dose 0.50 mg/kg is within the library"));
        prescribing.locator("input[name=mgPerKg]").fill("0.8");
        assertThat(prescribing.locator(".verdict--soft").first().textContent()).startsWith("Dose 0.80 mg/kg is past "
                + "the soft limit");
        prescribing.locator("input[name=mgPerKg]").fill("0.5");
        Chromium.screenshot(director, "21-director-prescribes");
        prescribing.locator("button:has-text('Prescribe')").click();

        // then: the nurse sees the prescription and passes the gate with the latest blood pressure
        inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=prescription]").textContent())
                        .contains("0.50 mg/kg = 35.0 mg", "35.0 mL at 52.5 mL/h", "director"));
        click(panel, "Check the pre-dose gate");
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=gate]").textContent()).startsWith("Pre-dose gate passed"));

        // when: the infusion starts and the pump runs it to the end
        click(panel, "Start infusion");
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=state]").textContent()).endsWith("dosing"));
        SimulatedPump pump = SimulatedPump.builder(PumpScenarios.normal(KETAMINE)).identity(PumpIdentity.numbered(1))
                .hl7("127.0.0.1", vigil.mllpPort(), MllpClientSettings.defaults(), Duration.ofSeconds(30))
                .speed(120).build();
        pump.start();
        try {
            inBrowser().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(panel.locator("[data-f=state]").textContent()).endsWith("in observation"));
        } finally {
            pump.stop();
        }
        assertThat(panel.locator("[data-f=taken]").textContent()).contains("Dosing ended, observation started",
                "by sim-pump-01");

        // when: the nurse assesses discharge before the hour of observation is over
        panel.locator("input[name=aldreteScore]").fill("10");
        click(panel, "Assess discharge");

        // then: refused, with the reason in words
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=panel-message]").textContent())
                        .matches("Not done: Observation runs until \\d\\d:\\d\\d:\\d\\d \\(1 h after the infusion "
                                + "ended\\): discharge can be assessed from then"));
        Chromium.screenshot(nurse, "22-refused-step");

        // when: the hour has passed and the monitor took a fresh blood pressure
        clock.advance(Duration.ofMinutes(61));
        awaitFreshBloodPressure("chair-1");
        panel.locator("input[name=aldreteScore]").fill("10");
        click(panel, "Assess discharge");

        // then
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=discharge]").textContent()).contains("Discharge criteria met"));
        click(panel, "Discharge");
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(panel.locator("form.booking").isVisible()).as("the chair is free again").isTrue();
            assertThat(tile(nurse, 1).locator("[data-f=free]").textContent()).startsWith("Free");
        });
        assertThat(scriptErrors).as("uncaught errors in the page").isEmpty();
    }

    @Test
    @Order(2)
    void aNurseGivesEsketamineDevicesAndSeesTheThreeRemsBloodPressuresDone() {
        Page nurse = station("nurse", 1280, 800);
        Locator panel = nurse.locator("#panel");
        bookForTodayThenSeat(nurse, 2, "PT-ESK-02", "Esketamine");
        click(panel, "Check in");
        inBrowser().atMost(Duration.ofSeconds(100)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=prefill]").textContent()).startsWith("From the monitor at"));
        panel.locator("label.choice:has-text('Yes')").click();
        click(panel, "Record pre-assessment");
        awaitState(panel, "pre-assessed");
        click(panel, "Check the pre-dose gate");
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=gate]").textContent()).startsWith("Pre-dose gate passed"));

        // when: device 1, then device 2 at once
        click(panel, "Record device 1 given now");
        awaitState(panel, "dosing");
        click(panel, "Record device 2 given now");

        // then: refused, with the spacing rule in words
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=panel-message]").textContent())
                        .startsWith("Not done: Esketamine device 2 at ")
                        .contains("devices must be at least 5 min apart"));

        // when: devices 2 and 3 five minutes apart, then the 40-minute and the pre-discharge blood pressures
        clock.advance(Duration.ofMinutes(5));
        click(panel, "Record device 2 given now");
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=devices-given] li").count()).isEqualTo(2));
        clock.advance(Duration.ofMinutes(5));
        click(panel, "Record device 3 given now");
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=devices-given] li").count()).isEqualTo(3));
        assertThat(panel.locator("[data-checkpoint='BP before dosing'] .status").textContent()).startsWith("done");
        assertThat(panel.locator("[data-checkpoint='BP at 40 min'] .status").textContent()).startsWith("due");
        clock.advance(Duration.ofMinutes(30));
        awaitFreshBloodPressure("chair-2");
        inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(panel.locator("[data-checkpoint='BP at 40 min'] .status").textContent())
                        .startsWith("done"));
        clock.advance(Duration.ofMinutes(80));
        awaitFreshBloodPressure("chair-2");
        inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(panel.locator("[data-checkpoint='BP before discharge'] .status").textContent())
                        .startsWith("done"));
        assertThat(panel.locator("[data-f=checkpoints] h3").textContent()).isEqualTo("REMS blood pressures");
        assertBesideTheTiles(nurse, 1280, 800);
        Chromium.screenshot(nurse, "23-esketamine-rems-1280");

        // then: observation, assessment and discharge
        click(panel, "Dosing finished — start observation");
        awaitState(panel, "in observation");
        panel.locator("input[name=aldreteScore]").fill("10");
        click(panel, "Assess discharge");
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=discharge]").textContent()).contains("Discharge criteria met"));
        click(panel, "Discharge");
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(panel.locator("form.booking").isVisible()).as("the chair is free again").isTrue());
        assertThat(scriptErrors).as("uncaught errors in the page").isEmpty();

        // then: the director's REMS form of this session holds what the monitor and the nurse recorded
        vigil.awaitReadModels();
        String session = StreamSupport.stream(directorGet("/api/sessions").spliterator(), false)
                .filter(s -> s.path("patientPseudonym").asText().equals("PT-ESK-02"))
                .map(s -> s.path("sessionId").asText()).findFirst().orElseThrow();
        JsonNode form = directorGet("/api/sessions/" + session + "/rems");
        Map<String, JsonNode> fields = StreamSupport.stream(form.path("fields").spliterator(), false)
                .collect(Collectors.toMap(f -> f.path("item").asText(), f -> f));
        assertThat(fields.get("DOSE").path("value").asText()).contains("(3 devices)");
        assertThat(fields.get("BP_AT_40_MIN").path("value").asText()).endsWith("mmHg (monitor)");
        assertThat(fields.get("BP_BEFORE_DISCHARGE").path("value").asText()).endsWith("mmHg (monitor)");
        assertThat(fields.get("BP_BEFORE_DOSING").path("missing").asBoolean()).isFalse();
        assertThat(fields.get("VITALS_ACCEPTABLE_BEFORE_DISCHARGE").path("value").asText())
                .startsWith("yes: discharge criteria met");
        assertThat(form.path("complete").asBoolean()).isFalse();
        assertThat(form.path("missing")).extracting(JsonNode::asText).contains("LOT_NUMBERS");
        assertThat(fields.get("LOT_NUMBERS").path("missing").asBoolean()).isTrue();
    }

    private JsonNode directorGet(String path) {
        HttpResponse<String> response = vigil.send(path, RunningStation.basic("director"));
        assertThat(response.statusCode()).as("GET %s as the director", path).isEqualTo(200);
        return RunningVigil.json(response.body());
    }

    @Test
    @Order(3)
    void twoNursesEscalatingTheSameChairAtOnceOneSucceedsTheOtherIsToldWhyNot() {
        Page first = station("nurse", 1920, 1080);
        Page second = station("nurse2", 1920, 1080);
        Locator firstPanel = first.locator("#panel");
        Locator secondPanel = second.locator("#panel");
        book(first, 3, "PT-3", "IV ketamine");
        click(firstPanel, "Check in");
        awaitState(firstPanel, "checked in");
        tile(second, 3).locator("button.open-panel").click();
        awaitState(secondPanel, "checked in");

        // when: both begin an escalation; the first sends hers, then the second
        for (Locator panel : List.of(firstPanel, secondPanel)) {
            panel.locator("[data-f=others] summary").click();
            panel.locator("form[data-step=ESCALATE] input[name=reason]").fill("patient feels faint");
        }
        firstPanel.locator("form[data-step=ESCALATE] button[type=submit]").click();
        awaitState(firstPanel, "escalated to a provider (from checked in)");
        inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(secondPanel.locator("[data-f=panel-message]").textContent())
                        .startsWith("This session changed while you were entering"));
        secondPanel.locator("form[data-step=ESCALATE] button[type=submit]").click();

        // then
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(secondPanel.locator("[data-f=panel-message]").textContent())
                    .startsWith("Not done: The session is escalated to a provider (from checked in): cannot "
                            + "escalate to a provider");
            assertThat(secondPanel.locator("[data-f=state]").textContent())
                    .endsWith("escalated to a provider (from checked in)");
        });
        assertThat(secondPanel.locator("[data-f=taken]").textContent()).contains("Escalated: patient feels faint",
                "by nurse");
        Chromium.screenshot(second, "24-second-nurse-refused");
        assertThat(scriptErrors).as("uncaught errors in the page").isEmpty();
    }

    @Test
    @Order(4)
    void aHeldGateSendsTheNurseToTheDirectorWhoOverridesItWithAReason() {
        Page nurse = station("nurse", 1280, 800);
        Page director = station("director", 1920, 1080);
        Locator panel = nurse.locator("#panel");
        tile(nurse, 3).locator("button.open-panel").click();
        awaitState(panel, "escalated to a provider (from checked in)");

        // when: the nurse unfolds the other steps, and the director adds a note to the session meanwhile
        panel.locator("[data-f=others] summary").click();
        String session = chairView("chair-3").path("session").path("sessionId").asText();
        assertThat(vigil.post("/api/sessions/" + session + "/notes", "director",
                "{\"text\":\"provider on the way\"}").statusCode()).as("the director's note").isLessThan(300);

        // then: the panel shows the note and the unfolded steps stay open under the nurse's finger
        inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(panel.locator("[data-f=taken]").textContent()).contains("Note: provider on the way");
            assertThat(panel.locator("[data-f=others]").getAttribute("open")).as("the unfolded steps").isNotNull();
        });

        // when: the escalation is resolved and the nurse records a high blood pressure (chair 3 has no monitor)
        click(panel, "Resolve the escalation");
        awaitState(panel, "checked in");
        panel.locator("input[name=systolic]").fill("152");
        panel.locator("input[name=diastolic]").fill("94");
        panel.locator("label.choice:has-text('Yes')").click();
        click(panel, "Record pre-assessment");
        awaitState(panel, "pre-assessed");
        click(panel, "Check the pre-dose gate");

        // then
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(panel.locator("[data-f=gate]").textContent()).startsWith("Pre-dose gate holds")
                    .contains("SBP 152 mmHg is above 140", "Ask the director");
            assertThat(panel.locator("button:has-text('Start infusion')").count()).isZero();
        });

        // when: the director overrides the hold on her screen
        tile(director, 3).locator("button.open-panel").click();
        Locator directorPanel = director.locator("#panel");
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(directorPanel.locator("form[data-step=OVERRIDE_GATE_HOLD]").isVisible()).isTrue());
        directorPanel.locator("form[data-step=OVERRIDE_GATE_HOLD] input[name=reason]")
                .fill("white-coat hypertension, known to the director");
        click(directorPanel, "Override the hold");

        // then: the nurse sees who overrode it and may start
        inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(panel.locator("[data-f=gate]").textContent()).startsWith("Gate hold overridden by director");
            assertThat(panel.locator("button:has-text('Start infusion')").isVisible()).isTrue();
        });
        assertThat(panel.locator("[data-f=taken]").textContent())
                .contains("Gate hold overridden: white-coat hypertension, known to the director", "by director");
        assertThat(scriptErrors).as("uncaught errors in the page").isEmpty();
    }

    /**
     * The open panel covers no tile (nor its alarms) and no banner, fits the screen, and its buttons are big enough
     * for a finger; the grid still shows every chair.
     */
    private static void assertBesideTheTiles(Page page, int width, int height) {
        inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            BoundingBox panel = page.locator("#panel").boundingBox();
            BoundingBox header = page.locator("header.bar").boundingBox();
            assertThat(panel).as("the panel on the page").isNotNull();
            assertThat(header).as("the header on the page").isNotNull();
            assertThat(panel.x + panel.width).as("panel within the screen").isLessThanOrEqualTo(width + 0.5);
            assertThat(panel.y).as("panel below the header and banners").isGreaterThanOrEqualTo(header.height - 0.5);
            assertThat(panel.height).isLessThanOrEqualTo(height);
            Locator tiles = page.locator(".tile");
            assertThat(tiles.count()).isEqualTo(3);
            for (int i = 0; i < tiles.count(); i++) {
                BoundingBox tile = tiles.nth(i).boundingBox();
                assertThat(tile).as("tile %d still on the page when measured", i + 1).isNotNull();
                assertThat(tile.x + tile.width).as("tile %d left of the panel", i + 1).isLessThanOrEqualTo(panel.x);
                assertThat(tile.width).as("tile %d readable", i + 1).isGreaterThan(300);
            }
        });
        assertBigEnough(page);
    }

    private static void book(Page page, int chair, String patient, String treatment) {
        Locator panel = fillBooking(page, chair, patient, treatment);
        panel.locator("button:has-text('Book session')").click();
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=state]").textContent()).endsWith("booked, not checked in"));
    }

    /** Books the patient for today with no chair, then seats the booking at the chair from the list of today's. */
    private static void bookForTodayThenSeat(Page page, int chair, String patient, String treatment) {
        Locator panel = fillBooking(page, chair, patient, treatment);
        panel.locator("button:has-text('Book for today, no chair yet')").click();
        Locator seat = panel.locator("[data-f=day-bookings] button:has-text('" + patient + "')");
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(seat.textContent()).endsWith("seat at Chair " + chair);
            assertThat(tile(page, chair).locator("[data-f=patient]").textContent()).as("the chair stays free")
                    .isEmpty();
        });
        assertBigEnough(page);
        seat.click();
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(panel.locator("[data-f=state]").textContent()).endsWith("booked, not checked in");
            assertThat(tile(page, chair).locator("[data-f=patient]").textContent()).isEqualTo(patient);
        });
    }

    /** Opens the free chair's panel and fills in the booking form; returns the panel. */
    private static Locator fillBooking(Page page, int chair, String patient, String treatment) {
        tile(page, chair).locator("button.open-panel").click();
        Locator panel = page.locator("#panel");
        panel.locator("input[name=patientPseudonym]").fill(patient);
        panel.locator("input[name=weightKg]").fill("70");
        panel.locator("input[name=ageYears]").fill("41");
        panel.locator("label.choice:has-text('" + treatment + "')").click();
        return panel;
    }

    /** Every button on the tiles and in the panel that a finger may press is at least 44 × 44 CSS px. */
    /**
     * Every visible button of the tiles and the panel is at least 44 × 44 CSS px. The live page may redraw a tile
     * between finding a button and measuring it; then the whole check runs again on the redrawn page.
     */
    private static void assertBigEnough(Page page) {
        inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Locator buttons = page.locator(".tile button, #panel button");
            int checked = 0;
            for (int i = 0; i < buttons.count(); i++) {
                Locator button = buttons.nth(i);
                if (button.isVisible()) {
                    BoundingBox box = button.boundingBox();
                    assertThat(box).as("button %d still on the page when measured", i).isNotNull();
                    assertThat(box.height).as("height of button %d", i).isGreaterThanOrEqualTo(44);
                    assertThat(box.width).as("width of button %d", i).isGreaterThanOrEqualTo(44);
                    checked++;
                }
            }
            assertThat(checked).as("buttons checked").isGreaterThan(3);
        });
    }

    private static void awaitState(Locator panel, String state) {
        Locator message = panel.locator("[data-f=panel-message]");
        inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(panel.locator("[data-f=state]").textContent())
                        .as("the panel's state (its message: %s)", message.textContent())
                        .endsWith(state));
    }

    private Page station(String user, int width, int height) {
        Page page = chromium.newPage(width, height);
        stations.add(page);
        page.onPageError(scriptErrors::add);
        logIn(page, vigil, user);
        inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(page.locator("#connection").textContent()).startsWith("Live"));
        return page;
    }

    private static void click(Locator panel, String button) {
        panel.locator("button:has-text('" + button + "')").first().click();
    }

    /** Waits for a cuff reading the monitor sent after Vigil's clock moved. */
    private void awaitFreshBloodPressure(String chair) {
        Instant now = clock.instant();
        inBrowser().atMost(Duration.ofSeconds(100)).untilAsserted(() -> {
            JsonNode bp = chairView(chair).path("vitals").path("NIBP_SYSTOLIC");
            assertThat(Instant.parse(bp.path("receivedAt").asText())).isAfterOrEqualTo(now);
        });
    }

    private JsonNode chairView(String chair) {
        for (JsonNode view : vigil.get("/api/chairs")) {
            if (view.path("chairId").asText().equals(chair)) {
                return view;
            }
        }
        throw new AssertionError("no chair " + chair);
    }
}
