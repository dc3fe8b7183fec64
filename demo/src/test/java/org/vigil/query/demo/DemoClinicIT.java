package org.vigil.query.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.query.VigilApplication;

/**
 * The demo as {@code ./demo.sh} runs it, on free ports: six of the demo profile's eight chairs get a session and a
 * simulated monitor whose readings reach the chairs over MLLP; chairs 7 and 8 are left free for a visitor, their
 * monitors sending; and the station's login page answers.
 */
class DemoClinicIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FREE_CHAIRS = List.of("chair-7", "chair-8");

    @TempDir
    Path data;

    @Test
    void theSimulatedClinicFeedsEveryChairOfTheStation() throws Exception {
        try (ConfigurableApplicationContext vigil = new SpringApplicationBuilder(VigilApplication.class).run(
                "--spring.profiles.active=demo", "--server.port=0", "--vigil.mllp.port=0",
                "--server.shutdown=immediate", "--vigil.data-dir=" + data.toAbsolutePath())) {
            int port = ((WebServerApplicationContext) vigil).getWebServer().getPort();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(JSON.readTree(get(port, "/api/chairs").body())).hasSize(8).allSatisfy(chair -> {
                        boolean leftFree = FREE_CHAIRS.contains(chair.path("chairId").asText());
                        assertThat(chair.path("session").isObject()).as("session at %s", chair).isNotEqualTo(leftFree);
                        if (!leftFree) {
                            assertThat(chair.path("vitals").path("HEART_RATE").path("value").isNumber())
                                    .as("heart rate at %s", chair.path("chairId")).isTrue();
                        }
                    }));
            assertThat(JSON.readTree(get(port, "/api/devices").body()).findValuesAsText("deviceId"))
                    .as("the free chairs' monitors send, ready for a session booked by hand")
                    .contains("sim-monitor-07", "sim-monitor-08");
            HttpResponse<String> login = get(port, "/login");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("password");
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        String nurse = Base64.getEncoder().encodeToString("nurse:demo".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + nurse).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
