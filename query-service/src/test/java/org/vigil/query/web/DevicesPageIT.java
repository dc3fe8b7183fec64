package org.vigil.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.query.web.StationIT.inBrowser;
import static org.vigil.query.web.StationIT.logIn;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.query.GatewayMessages;
import org.vigil.query.ProtocolFile;
import org.vigil.query.RunningVigil;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.scenario.Scenarios;

/**
 * The engineers' devices page in Chromium against the real application: configured devices with their protocol,
 * transport, link and counters, and the last negative acknowledgement with its reason; a sender nobody configured,
 * quarantined, listed apart with its quarantined messages and bound to a chair by the engineer, the
 * binding recorded with who; and a monitor unplugged (its simulator stopped) turning offline on the page within
 * the protocol's silence time, pushed over the devices stream.
 */
class DevicesPageIT {

    /** The supervisor's check and the page's update, on a busy machine, on top of the protocol's silence time. */
    private static final Duration DETECTION_SLACK = Duration.ofSeconds(5);
    /** The protocol's silence time here: 5 s rather than the default 10 s, to wait less for the unplugged monitor. */
    private static final Duration SILENCE = Duration.ofSeconds(5);

    @TempDir
    Path data;

    @Test
    void anEngineerSeesEveryDeviceBindsAnUnconfiguredSenderAndSeesAnUnpluggedMonitorGoOffline() {
        RunningStation vigil = RunningStation.start(data.resolve("store"), 2, null, List.of(
                "--vigil.users[2].name=engineer", "--vigil.users[2].password=" + RunningVigil.DEMO_PASSWORD_HASH,
                "--vigil.users[2].roles=ENGINEER", ProtocolFile.write(data.resolve("clinic-protocol.yml"),
                        Map.of("deviceSilentAfterSeconds: 10", "deviceSilentAfterSeconds: " + SILENCE.toSeconds()))));
        ClinicSimulator monitor = new ClinicSimulator(List.of(MonitorSpec.numbered(1, Scenarios.NORMAL, 1)),
                "127.0.0.1", vigil.mllpPort(), Clock.systemUTC(), 2.0);
        ClinicSimulator stranger = new ClinicSimulator(List.of(MonitorSpec.numbered(9, Scenarios.NORMAL, 9)),
                "127.0.0.1", vigil.mllpPort(), Clock.systemUTC(), 2.0);
        try (Chromium chromium = Chromium.launch()) {
            // given
            monitor.start();
            stranger.start();
            String nak = GatewayMessages.send(vigil.mllpPort(), "MSH|^~\\&|sim-monitor-02|ICU|||20261206101500||"
                    + "ADT^A01^ADT_A01|ADT-1|P|2.6\rPID|||1\r", Duration.ofSeconds(10));
            assertThat(nak).contains("MSA|AR|ADT-1");
            assertThat(vigil.send("/devices", RunningStation.basic("nurse")).statusCode())
                    .as("the devices page is the engineers'").isEqualTo(403);
            Page page = chromium.newPage(1920, 1080);
            List<String> scriptErrors = new CopyOnWriteArrayList<>();
            page.onPageError(scriptErrors::add);
            logIn(page, vigil, "engineer");

            // when
            page.navigate(vigil.baseUrl() + "/devices");

            // then
            Locator monitor1 = page.locator("#configured tr[data-device=sim-monitor-01]");
            Locator strangerRow = page.locator("#unconfigured tr[data-device=sim-monitor-09]");
            inBrowser().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(page.locator("#connection").textContent()).isEqualTo("Live");
                assertThat(monitor1.textContent()).contains("Chair 1", "hl7-mllp", "listener");
                assertThat(monitor1.locator("[data-f=link]").textContent()).isEqualTo("online");
                assertThat(monitor1.locator("td").nth(7).textContent()).as("messages per minute").matches("\\d+");
                assertThat(page.locator("#configured tr[data-device=sim-monitor-02] [data-f=link]").textContent())
                        .as("configured, never heard").isEqualTo("offline");
                assertThat(page.locator("#configured tr[data-device=sim-monitor-02] [data-f=nak]").textContent())
                        .as("the last NAK and its reason").startsWith("AR ").contains("unsupported message type");
                assertThat(monitor1.locator("[data-f=nak]").textContent()).isEqualTo("—");
                assertThat(strangerRow.count()).as("the unconfigured sender, listed apart").isEqualTo(1);
                assertThat(page.locator("#quarantined tr[data-device=sim-monitor-09]").first().textContent())
                        .as("its messages, quarantined").contains("127.0.0.1", "not configured", "AA");
                assertThat(page.locator("#quarantine-count").textContent()).matches("[1-9]\\d* quarantined");
            });
            assertThat(page.locator("#configured tr[data-device=sim-monitor-09]").count()).isZero();

            // when: the engineer binds the stranger to chair 2
            strangerRow.locator("select").selectOption("chair-2");
            strangerRow.locator("button:has-text('Bind to chair')").click();

            // then
            inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(strangerRow.locator("[data-f=binding]").textContent())
                            .startsWith("Bound to Chair 2 by engineer at")
                            .contains("vigil.devices[n].id: sim-monitor-09"));
            JsonNode overview = vigil.get("/api/devices/overview");
            assertThat(overview.path("devices").findValuesAsText("by")).contains("engineer");
            Chromium.screenshot(page, "30-devices-1920");

            // when: chair 1's monitor is unplugged
            monitor.stop();

            // then
            inBrowser().atMost(SILENCE.plus(DETECTION_SLACK))
                    .untilAsserted(() -> assertThat(monitor1.locator("[data-f=link]").textContent())
                            .isEqualTo("offline"));
            assertThat(monitor1.locator("td").last().textContent()).startsWith("no usable data for");
            Chromium.screenshot(page, "31-devices-offline");
            page.setViewportSize(1280, 800);
            Chromium.screenshot(page, "32-devices-1280");
            assertThat(scriptErrors).as("uncaught errors in the page").isEmpty();
        } finally {
            monitor.stop();
            stranger.stop();
            vigil.close();
        }
    }
}
