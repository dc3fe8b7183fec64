package org.vigil.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigil.query.web.StationIT.inBrowser;

import com.microsoft.playwright.Page;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.query.GatewayMessages;
import org.vigil.query.RunningVigil;
import org.vigil.query.StreamRecorder;

/**
 * The embedded record store stops answering — another process holds the SQLite file's write lock, so every
 * transaction of Vigil waits for it (up to SQLite's busy timeout, longer than the store timeout): every gateway
 * message is answered {@code AE} within the store timeout although the ingest workers are held, the station shows
 * "Record store unavailable", and the gauge says so. When the store answers again the next message is stored, the banner
 * goes, and every message that got {@code AE} is stored exactly once when the gateway resends it.
 */
class RecordStoreUnavailableIT {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ANSWER_MARGIN = Duration.ofMillis(1500);
    private static final int MESSAGES = 6;

    @TempDir
    Path data;

    @Test
    void aHungStoreIsAnsweredAeInTimeAndShownOnTheStationUntilAMessageIsStoredAgain() throws Exception {
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.add(RunningVigil.dataDirectory(data));
        arguments.add("--server.shutdown=immediate");
        arguments.add("--vigil.stream.heartbeat-ms=" + RunningStation.HEARTBEAT_MS);
        arguments.add("--vigil.ingest.store-timeout=" + STORE_TIMEOUT.toMillis() + "ms");
        arguments.addAll(RunningVigil.demoUsers());
        arguments.addAll(RunningVigil.devices(GatewayMessages.NIST_DEVICE + "=chair-1"));
        try (RunningVigil vigil = RunningVigil.launch(arguments, builder -> { });
             Chromium chromium = Chromium.launch();
             StreamRecorder stream = new StreamRecorder(vigil.uri("/api/stream"), RunningVigil.basic("nurse"))) {
            // given a nurse at the station and a store that answers
            Page page = chromium.newPage(1280, 900);
            List<String> scriptErrors = new ArrayList<>();
            page.onPageError(scriptErrors::add);
            logIn(page, vigil);
            assertThat(send(vigil, message("BEFORE"))).contains("MSA|AA|");

            // when the store stops answering
            List<String> answers;
            try (Connection exclusive = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigil.db"))) {
                execute(exclusive, "begin exclusive");
                try {
                    List<CompletableFuture<String>> sent = new ArrayList<>();
                    for (int i = 0; i < MESSAGES; i++) {
                        String controlId = "HUNG-" + i;
                        sent.add(CompletableFuture.supplyAsync(() -> sendTimed(vigil, message(controlId))));
                    }
                    answers = sent.stream().map(CompletableFuture::join).toList();

                    // then every gateway got AE in time, more of them than there are ingest workers
                    assertThat(answers).hasSize(MESSAGES).allSatisfy(answer -> assertThat(answer)
                            .contains("MSA|AE|", "did not answer within 2000 ms"));
                    inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                        assertThat(page.locator("[data-condition=record-store-unavailable]").textContent())
                                .contains("Record store unavailable", "Device data is not being stored");
                    });
                    Chromium.screenshot(page, "record-store-unavailable");
                    assertThat(gauge(vigil)).isEqualTo(1.0);
                    assertThat(stream.named("condition")).anySatisfy(event -> assertThat(event.data())
                            .contains("\"id\":\"record-store-unavailable\"", "\"active\":true"));
                } finally {
                    execute(exclusive, "rollback");
                }
            }

            // when the store answers again
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(send(vigil, message("AFTER"))).contains("MSA|AA|"));

            // then
            inBrowser().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(page.locator("[data-condition]").count()).isZero());
            assertThat(gauge(vigil)).isEqualTo(0.0);
            // (the recorder's stream is read beside the page's, and may get the event a moment after it)
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stream.named("condition")).last()
                    .satisfies(event -> assertThat(event.data())
                            .contains("\"id\":\"record-store-unavailable\"", "\"active\":false")));

            // when the gateway resends what got AE, then each message is in the store once
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(send(vigil, message("HUNG-" + i))).contains("MSA|AA|");
            }
            List<String> stored = vigil.stored(ObservationsRecordedEvent.class).stream()
                    .map(event -> event.payload().messageKey().controlId()).toList();
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(stored).as("stored HUNG-%d", i).containsOnlyOnce("HUNG-" + i);
            }
            assertThat(stored).containsOnlyOnce("BEFORE").containsOnlyOnce("AFTER");
            assertThat(scriptErrors).as("uncaught errors in the page").isEmpty();
        }
    }

    private static String message(String controlId) {
        return GatewayMessages.nist(controlId);
    }

    /** Sends one message on its own connection and checks that its answer came within the store timeout. */
    private static String sendTimed(RunningVigil vigil, String message) {
        long start = System.nanoTime();
        String answer = send(vigil, message);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("time to the answer").isLessThanOrEqualTo(STORE_TIMEOUT.plus(ANSWER_MARGIN));
        return answer;
    }

    private static String send(RunningVigil vigil, String message) {
        return GatewayMessages.send(vigil.mllpPort(), message, STORE_TIMEOUT.plus(Duration.ofSeconds(10)));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static double gauge(RunningVigil vigil) {
        return vigil.context().getBean(MeterRegistry.class).get("vigil.store.unavailable").gauge().value();
    }

    private static void logIn(Page page, RunningVigil vigil) {
        String base = "http://127.0.0.1:" + vigil.httpPort();
        page.navigate(base + "/");
        page.fill("#username", "nurse");
        page.fill("#password", "demo");
        page.click("button[type=submit]");
        page.waitForURL(url -> url.startsWith(base + "/") && !url.contains("/login"));
        inBrowser().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(page.locator("#connection").textContent()).startsWith("Live"));
    }
}
