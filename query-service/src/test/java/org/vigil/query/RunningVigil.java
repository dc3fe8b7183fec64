package org.vigil.query;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.adapters.hl7.Hl7Counters;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.ingest.MllpGateway;
import org.vigil.query.readmodels.ReadModels;

/**
 * The whole application started for a test, on free ports, with its embedded event store in a directory the
 * test owns — so a test can stop it and start it again on the same store.
 */
public final class RunningVigil implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigurableApplicationContext context;

    private RunningVigil(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts Vigil on {@code dataDir} with the given gateway devices bound to chairs ({@code device=chair}). */
    public static RunningVigil start(Path dataDir, String... deviceBindings) {
        return startWith(dataDir, devices(deviceBindings));
    }

    /** Starts Vigil on {@code dataDir} with more command-line properties, e.g. devices on serial ports. */
    public static RunningVigil startWith(Path dataDir, List<String> properties) {
        return startWith(dataDir, properties, builder -> { });
    }

    /**
     * Starts Vigil on {@code dataDir} with more command-line properties, after {@code customisation} has had the
     * application builder, e.g. to add initializers.
     */
    public static RunningVigil startWith(Path dataDir, List<String> properties,
                                         Consumer<SpringApplicationBuilder> customisation) {
        List<String> arguments = new ArrayList<>(freePorts());
        arguments.add("--server.shutdown=immediate");
        arguments.add(dataDirectory(dataDir));
        arguments.add("--vigil.stream.heartbeat-ms=1000");
        arguments.addAll(demoUsers());
        arguments.addAll(properties);
        return launch(arguments, customisation);
    }

    /**
     * Starts Vigil with exactly the given command-line arguments, after {@code customisation} has had the
     * application builder, e.g. to add initializers.
     */
    public static RunningVigil launch(List<String> arguments, Consumer<SpringApplicationBuilder> customisation) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(VigilApplication.class);
        customisation.accept(builder);
        return new RunningVigil(builder.run(arguments.toArray(String[]::new)));
    }

    /** Free HTTP and MLLP ports, the MLLP listener on loopback. */
    public static List<String> freePorts() {
        return List.of("--server.port=0", "--vigil.mllp.port=0", "--vigil.mllp.host=127.0.0.1");
    }

    public static String dataDirectory(Path dataDir) {
        return "--vigil.data-dir=" + dataDir.toAbsolutePath();
    }

    /**
     * The password {@code demo} as Vigil requires it outside the demo profile, a bcrypt hash; of the lowest cost,
     * so that the tests' many requests with Basic credentials cost little.
     */
    public static final String DEMO_PASSWORD_HASH = "{bcrypt}$2a$04$inZ.2oOiyZ25MjK8GwtiTesAPlt0QjFgpt.nwxNiDWXFCnYcPQdny";

    /** The demo users {@code nurse}, {@code director} and {@code engineer}, each with password {@code demo}. */
    public static List<String> demoUsers() {
        return List.of(
                "--vigil.users[0].name=nurse", "--vigil.users[0].password=" + DEMO_PASSWORD_HASH,
                "--vigil.users[0].roles=NURSE",
                "--vigil.users[1].name=director", "--vigil.users[1].password=" + DEMO_PASSWORD_HASH,
                "--vigil.users[1].roles=DIRECTOR",
                "--vigil.users[2].name=engineer", "--vigil.users[2].password=" + DEMO_PASSWORD_HASH,
                "--vigil.users[2].roles=ENGINEER");
    }

    /** Gateway devices bound to chairs, each given as {@code device=chair}. */
    public static List<String> devices(String... deviceBindings) {
        List<String> bindings = new ArrayList<>();
        for (int i = 0; i < deviceBindings.length; i++) {
            String[] pair = deviceBindings[i].split("=");
            bindings.add("--vigil.devices[" + i + "].id=" + pair[0]);
            bindings.add("--vigil.devices[" + i + "].chair=" + pair[1]);
        }
        return bindings;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int httpPort() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public int mllpPort() {
        return context.getBean(MllpGateway.class).port();
    }

    public Hl7Counters mllpStatistics() {
        return context.getBean(MllpGateway.class).counters();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort() + path);
    }

    /** GET as the nurse. */
    public JsonNode get(String path) {
        return get(path, "nurse");
    }

    public JsonNode get(String path, String user) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(uri(path)).GET()
                .header("Authorization", basic(user)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    /** Any request, as {@code user} (password {@code demo}), or anonymous when {@code user} is null. */
    public HttpResponse<String> send(String method, String path, String user, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return exchange(request.build());
    }

    /** Sends {@code request} as it is; redirects are not followed. */
    public HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads a JSON body or event. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    public SessionId startSession(String chair, int systolic, int diastolic) {
        return startSession(chair, systolic, diastolic, 72.5);
    }

    public SessionId startSession(String chair, int systolic, int diastolic, double weightKg) {
        return startSession(chair, "patient-" + chair, weightKg, new BaselineVitals(systolic, diastolic, 72, 97));
    }

    /** Starts an IV ketamine session at {@code chair} for {@code patient}, as a nurse's check-in does. */
    public SessionId startSession(String chair, String patient, double weightKg, BaselineVitals baseline) {
        SessionId id = SessionId.random();
        command(new StartSessionCommand(id, new ChairId(chair), patient, weightKg, 44, Treatment.IV_KETAMINE,
                baseline, context.getBean(ClinicProtocol.class).ref(), Clock.systemUTC().instant()));
        return id;
    }

    /** Sends a command as the application's own deciders do, and waits for it to be stored. */
    public <R> R command(Object command) {
        return context.getBean(CommandGateway.class).sendAndWait(command);
    }

    /**
     * Waits until every persisted read model has handled every event stored so far: the sessions index, the
     * devices and the alarm records follow the store a little behind, as a user who reloads a page sees them.
     */
    public void awaitReadModels() {
        awaitReadModels(Duration.ofSeconds(30));
    }

    /** Waits at most {@code atMost} until every persisted read model has handled every event stored so far. */
    public void awaitReadModels(Duration atMost) {
        ReadModels readModels = context.getBean(ReadModels.class);
        long head = readModels.all().stream().mapToLong(ReadModels.Status::head).max().orElse(-1);
        await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> readModels.all().stream().allMatch(status -> status.position() >= head));
    }

    /** The payloads of the given type in the store, oldest first, with the time each was stored. */
    public <T> List<Stored<T>> stored(Class<T> type) {
        try (Stream<? extends TrackedEventMessage<?>> events = context.getBean(EventStorageEngine.class)
                .readEvents(null, false)) {
            return events.filter(e -> type.isInstance(e.getPayload()))
                    .map(e -> new Stored<>(type.cast(e.getPayload()), e.getTimestamp()))
                    .toList();
        }
    }

    public record Stored<T>(T payload, Instant at) {
    }

    /** Every event in the store, counted by reading it from the first. */
    public long storedEvents() {
        try (Stream<?> events = context.getBean(EventStorageEngine.class).readEvents(null, false)) {
            return events.count();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
