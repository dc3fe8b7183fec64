package org.vigil.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.SessionId;
import org.vigil.query.RunningVigil;
import org.vigil.simulator.MonitorSpec;

/**
 * The whole application for a station test: free ports, an embedded event store in the test's directory, the
 * demo users, a heartbeat every second, {@code chair-1 … chair-n} with monitor {@code sim-monitor-0n} bound to
 * each chair. It stops at once, open streams and all, as a crashed server would.
 */
final class RunningStation implements AutoCloseable {

    static final long HEARTBEAT_MS = 1000;

    private final RunningVigil vigil;

    private RunningStation(RunningVigil vigil) {
        this.vigil = vigil;
    }

    static RunningStation start(Path dataDir, int chairs) {
        return start(dataDir, chairs, null, List.of());
    }

    /**
     * As {@link #start(Path, int)}, with Vigil's clock replaced by {@code clock} when it is not null (a test moves
     * it forward through an observation period) and more properties, such as more devices bound to chairs.
     */
    static RunningStation start(Path dataDir, int chairs, Clock clock, List<String> moreProperties) {
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.add(RunningVigil.dataDirectory(dataDir));
        arguments.add("--vigil.stream.heartbeat-ms=" + HEARTBEAT_MS);
        arguments.add("--server.shutdown=immediate");
        arguments.addAll(List.of(
                "--vigil.users[0].name=nurse", "--vigil.users[0].password=" + RunningVigil.DEMO_PASSWORD_HASH,
                "--vigil.users[0].roles=NURSE",
                "--vigil.users[1].name=director", "--vigil.users[1].password=" + RunningVigil.DEMO_PASSWORD_HASH,
                "--vigil.users[1].roles=DIRECTOR"));
        for (int n = 1; n <= chairs; n++) {
            arguments.add("--vigil.chairs[" + (n - 1) + "]=" + MonitorSpec.defaultChairName(n));
            arguments.add("--vigil.devices[" + (n - 1) + "].id=" + MonitorSpec.defaultDeviceName(n));
            arguments.add("--vigil.devices[" + (n - 1) + "].chair=" + MonitorSpec.defaultChairName(n));
        }
        arguments.addAll(moreProperties);
        ApplicationContextInitializer<ConfigurableApplicationContext> replacedClock = context ->
                ((GenericApplicationContext) context).registerBean("settableClock", Clock.class, () -> clock,
                        definition -> definition.setPrimary(true));
        return new RunningStation(RunningVigil.launch(arguments, builder -> {
            if (clock != null) {
                builder.initializers(replacedClock);
            }
        }));
    }

    int mllpPort() {
        return vigil.mllpPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + vigil.httpPort();
    }

    URI uri(String path) {
        return vigil.uri(path);
    }

    static String basic(String user) {
        return RunningVigil.basic(user);
    }

    /** GET as the nurse, over HTTP Basic. */
    JsonNode get(String path) {
        return vigil.get(path);
    }

    /** POSTs {@code json} as {@code user}, over HTTP Basic. */
    HttpResponse<String> post(String path, String user, String json) {
        return vigil.send("POST", path, user, json);
    }

    /** Waits until the persisted read models have handled every event stored so far. */
    void awaitReadModels() {
        vigil.awaitReadModels();
    }

    /** GET with the given Authorization header, or none when it is null; redirects are not followed. */
    HttpResponse<String> send(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return vigil.exchange(request.build());
    }

    /** GET as an anonymous browser asking for a page; redirects are not followed. */
    HttpResponse<String> browse(String path) {
        return vigil.exchange(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html").build());
    }

    /** Starts an IV ketamine session at chair {@code n} for the patient the simulator plays there. */
    SessionId startSession(MonitorSpec monitor, int systolic, int diastolic) {
        return vigil.startSession(monitor.chairName(), monitor.patientPseudonym(), 72.5,
                new BaselineVitals(systolic, diastolic, 74, 97));
    }

    /** Sends a command as the application's own deciders do, and waits for it to be stored. */
    <R> R command(Object command) {
        return vigil.command(command);
    }

    @Override
    public void close() {
        vigil.close();
    }
}
