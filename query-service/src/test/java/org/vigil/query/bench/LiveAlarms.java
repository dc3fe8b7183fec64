package org.vigil.query.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.vigil.query.StreamRecorder;

/**
 * A nurse's screen on {@code /api/stream}: it notes the {@link System#nanoTime()} at which each {@code alarm}
 * Server-Sent Event is read, by chair and rule, so the time from a device message to the screen can be taken.
 */
final class LiveAlarms implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    LiveAlarms(URI stream, String user, String password) {
        String credentials = Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + credentials).GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(this::read);
    }

    /** Completes once the stream is open and its first event (the chairs as they stand) has been read. */
    CompletableFuture<Void> subscribed() {
        return subscribed;
    }

    /** Completes with the time the first {@code alarm} event of {@code rule} at {@code chair} was read. */
    CompletableFuture<Long> arrivalOf(String chair, String rule) {
        return arrivals.computeIfAbsent(chair + "/" + rule, key -> new CompletableFuture<>());
    }

    private void read(HttpResponse<Stream<String>> answer) {
        if (answer.statusCode() != 200) {
            subscribed.completeExceptionally(new IllegalStateException("/api/stream answered " + answer.statusCode()));
            return;
        }
        lines = answer.body();
        StreamRecorder.parse(lines, (name, data) -> {
            long readAt = System.nanoTime();
            subscribed.complete(null);
            if (name.equals("alarm")) {
                alarm(data, readAt);
            }
        });
    }

    private void alarm(String data, long readAt) {
        try {
            JsonNode alarm = JSON.readTree(data);
            arrivalOf(alarm.path("chairId").asText(), alarm.path("rule").asText()).complete(readAt);
        } catch (IOException e) {
            throw new IllegalStateException("an alarm event that is not JSON: " + data, e);
        }
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        response.cancel(true);
    }
}
