package org.vigil.query.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.query.RunningVigil;
import org.vigil.query.postgres.PostgresServer;
import org.vigil.simulator.load.LoadGenerator;
import org.vigil.simulator.load.LoadResult;

/**
 * Stored before acknowledged, even when the process dies (docs/DESIGN.md, principle 3). Vigil runs in a JVM of
 * its own and takes PCD-01 from the simulator's load generator over 4 connections, each device at a chair with a
 * running session; mid-load it is killed with SIGKILL, at a moment drawn from a seed that is printed (rerun with
 * {@code -Dvigil.crash.seed=…}) and not before a few hundred AAs. Restarted on the same data, every message that
 * got AA is in the event store exactly once, read from the store itself, and the read models count what the store
 * holds.
 */
class CrashIT {

    /** The kill comes after at least this many AAs, at a moment of the load between these two. */
    private static final long FEWEST_AAS = 400;
    private static final Duration EARLIEST_KILL = Duration.ofSeconds(3);
    private static final Duration LATEST_KILL = Duration.ofSeconds(10);
    private static final Duration MOST_LOAD = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedMessageIsStoredOnceAfterSigkillOnTheEmbeddedStore() throws Exception {
        crashAndRestart("H2", List.of(RunningVigil.dataDirectory(work.resolve("data"))));
    }

    @Test
    void everyAcknowledgedMessageIsStoredOnceAfterSigkillOnPostgres() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(work.resolve("postgres"))) {
            List<String> store = new ArrayList<>(List.of("--spring.profiles.active=postgres"));
            store.addAll(postgres.datasourceProperties());
            crashAndRestart("PostgreSQL", store);
        }
    }

    private void crashAndRestart(String storeName, List<String> store) throws Exception {
        // given Vigil in its own JVM, a session at each load chair, and a kill point drawn from a logged seed
        long seed = Long.getLong("vigil.crash.seed", System.nanoTime());
        long killAfterMillis = new SplittableRandom(seed).nextLong(EARLIEST_KILL.toMillis(),
                LATEST_KILL.toMillis() + 1);
        System.out.printf(Locale.ROOT, "Crash test on %s: seed %d (-Dvigil.crash.seed=%d), SIGKILL %.1f s into the "
                + "load, after at least %d AAs%n", storeName, seed, seed, killAfterMillis / 1e3, FEWEST_AAS);
        List<String> properties = new ArrayList<>(store);
        properties.addAll(RunningVigil.demoUsers());
        properties.addAll(LoadChairs.deviceProperties());
        Acknowledgements acks = new Acknowledgements();
        Map<String, String> sessions = new LinkedHashMap<>();
        LoadResult load;
        long loadStart;
        long killedAt;
        try (ForkedVigil vigil = ForkedVigil.start(work.resolve("vigil-" + storeName + ".log"), properties)) {
            LoadChairs.bindings().values().forEach(chair -> sessions.put(chair,
                    RunningVigil.json(vigil.post("/api/sessions", LoadChairs.booking(chair)))
                            .path("sessionId").asText()));
            LoadGenerator generator = new LoadGenerator(LoadChairs.load(vigil.mllpPort(), MOST_LOAD),
                    Clock.systemUTC(), acks);

            // when it is killed mid-load
            loadStart = System.nanoTime();
            acks.killAt(FEWEST_AAS, loadStart + Duration.ofMillis(killAfterMillis).toNanos());
            CompletableFuture<LoadResult> running = LoadChairs.inThread(generator);
            try {
                killedAt = acks.killPoint().get(MOST_LOAD.toSeconds(), TimeUnit.SECONDS);
                vigil.kill();
            } catch (TimeoutException e) {
                throw new AssertionError("only " + acks.summary() + " in " + MOST_LOAD.toSeconds() + " s of load, "
                        + "not the " + FEWEST_AAS + " AAs to kill after; Vigil's log:\n" + vigil.logTail(40), e);
            } finally {
                generator.stop();
            }
            load = running.get(30, TimeUnit.SECONDS);
        }
        Set<String> acknowledged = acks.acceptedKeys();

        // then, restarted on the same data, every acknowledged message is in the store exactly once
        List<String> restart = new ArrayList<>(RunningVigil.freePorts());
        restart.add("--server.shutdown=immediate");
        // the killed process never released its claims on the read models' tokens: take them over after 2 s
        // rather than Axon's default 10 s
        restart.add("--axon.eventhandling.tokenstore.claim-timeout=2s");
        restart.addAll(properties);
        try (RunningVigil restarted = RunningVigil.launch(restart, builder -> { })) {
            StoredMessages stored = StoredMessages.in(restarted);
            List<String> missing = stored.missing(acknowledged);
            System.out.printf(Locale.ROOT, "Crash test on %s: killed %.1f s into the load at %s; load generator: %s;"
                            + " %d observation messages stored, %d acknowledged ones missing, %d stored twice%n",
                    storeName, (killedAt - loadStart) / 1e9, acks.summary(), load.summary(), stored.total(),
                    missing.size(), stored.duplicates().size());
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo((int) FEWEST_AAS);
            assertThat(missing.size())
                    .as("messages acknowledged with AA, of %d, that are not in the %s event store after SIGKILL "
                            + "(seed %d), e.g. %s", acknowledged.size(), storeName, seed, first(missing))
                    .isZero();
            assertThat(stored.duplicates()).as("messages stored more than once (seed %d)", seed).isEmpty();

            // and the read models agree with the events
            ReadModels.assertAgree(restarted, stored, sessions);
        }
    }

    private static List<String> first(List<String> keys) {
        return keys.subList(0, Math.min(10, keys.size()));
    }
}
