package org.vigil.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.query.RunningVigil;

/**
 * A station left open does not hold up a stop of Vigil: as the application begins to stop, the screens' live
 * streams end (the station shows the connection lost and reconnects), so the web server's graceful stop, which waits
 * up to 30 s for requests in progress, has none left to wait for. Vigil runs here with the graceful stop it has in
 * production, not the immediate one of the other tests.
 */
class StreamsAtStopIT {

    /** Well under the web server's 30 s graceful timeout, which a stream left open would use up. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path data;

    @Test
    void anOpenStationStreamEndsWhenVigilStopsAndDoesNotHoldTheStop() throws Exception {
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.add("--server.shutdown=graceful");
        arguments.add(RunningVigil.dataDirectory(data));
        arguments.add("--vigil.stream.heartbeat-ms=1000");
        arguments.addAll(RunningVigil.demoUsers());
        RunningVigil vigil = RunningVigil.launch(arguments, builder -> { });
        AtomicInteger linesRead = new AtomicInteger();
        HttpRequest request = HttpRequest.newBuilder(vigil.uri("/api/stream")).header("Accept", "text/event-stream")
                .header("Authorization", RunningVigil.basic("nurse")).GET().build();
        CompletableFuture<Void> streamEnded = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(line -> linesRead.incrementAndGet()));
        await().atMost(Duration.ofSeconds(10)).until(() -> linesRead.get() > 0);

        // when
        long stopping = System.nanoTime();
        vigil.close();
        Duration stop = Duration.ofNanos(System.nanoTime() - stopping);

        // then
        streamEnded.get(5, TimeUnit.SECONDS);
        assertThat(stop).as("the stop, with a station's stream open").isLessThan(STOP_LIMIT);
    }
}
