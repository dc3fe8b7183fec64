package org.vigil.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/** Listens to {@code /api/stream} as a screen does and keeps every Server-Sent Event it receives. */
public final class StreamRecorder implements AutoCloseable {

    /** An event as it was read, with the moment it arrived. */
    public record Event(String name, String data, Instant receivedAt) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    public StreamRecorder(URI stream, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", authorization).GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            lines = r.body();
            parse(lines, (name, data) -> events.add(new Event(name, data, Instant.now())));
        });
    }

    /**
     * Reads Server-Sent Events off {@code lines} until they end, handing each event's name ({@code message} when
     * it has none) and data to {@code onEvent} as soon as its closing blank line is read.
     */
    public static void parse(Stream<String> lines, BiConsumer<String, String> onEvent) {
        String[] name = {"message"};
        StringBuilder data = new StringBuilder();
        lines.forEach(line -> {
            if (line.startsWith("event:")) {
                name[0] = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5));
            } else if (line.isEmpty() && data.length() > 0) {
                onEvent.accept(name[0], data.toString());
                name[0] = "message";
                data.setLength(0);
            }
        });
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
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
