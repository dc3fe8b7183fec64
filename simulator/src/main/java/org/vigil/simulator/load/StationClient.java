package org.vigil.simulator.load;

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
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A nurses' station on Vigil's {@code /api/stream}: it reads every Server-Sent Event as a screen does, counts them by
 * name, and notes the {@link System#nanoTime()} at which each alarm was first seen raised (the first {@code alarm}
 * event of an alarm id).
 */
final class StationClient implements AutoCloseable {

    /** An alarm as the station first saw it. */
    record Arrival(String alarmId, String chair, String rule, long atNanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final Map<String, AtomicLong> events = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicLong unreadable = new AtomicLong();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    StationClient(HttpClient http, URI base, String user, String password) {
        String credentials = Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/stream"))
                .header("Accept", "text/event-stream").header("Authorization", "Basic " + credentials).GET().build();
        response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.whenComplete((answer, failure) -> {
            if (failure != null) {
                subscribed.completeExceptionally(failure);
            }
        });
        response.thenAcceptAsync(this::read);
    }

    /** Completes once the stream is open and its first event has been read. */
    CompletableFuture<Void> subscribed() {
        return subscribed;
    }

    /** Every alarm seen raised so far, in the order they were read. */
    Queue<Arrival> arrivals() {
        return arrivals;
    }

    /** Events read so far, by name ({@code chair}, {@code alarm}, …). */
    long events(String name) {
        AtomicLong count = events.get(name);
        return count == null ? 0 : count.get();
    }

    long allEvents() {
        return events.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private void read(HttpResponse<Stream<String>> answer) {
        if (answer.statusCode() != 200) {
            subscribed.completeExceptionally(new IllegalStateException("/api/stream answered " + answer.statusCode()));
            return;
        }
        lines = answer.body();
        String[] name = {"message"};
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                } else if (line.isEmpty() && data.length() > 0) {
                    event(name[0], data.toString(), System.nanoTime());
                    name[0] = "message";
                    data.setLength(0);
                }
            });
        } catch (RuntimeException e) {
            // the stream ended: closed by this client or by Vigil
        }
    }

    private void event(String name, String data, long readAt) {
        subscribed.complete(null);
        events.computeIfAbsent(name, key -> new AtomicLong()).incrementAndGet();
        if (!name.equals("alarm")) {
            return;
        }
        try {
            JsonNode alarm = JSON.readTree(data);
            String id = alarm.path("alarmId").asText();
            if (seen.add(id)) {
                arrivals.add(new Arrival(id, alarm.path("chairId").asText(), alarm.path("rule").asText(), readAt));
            }
        } catch (IOException e) {
            unreadable.incrementAndGet();
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
