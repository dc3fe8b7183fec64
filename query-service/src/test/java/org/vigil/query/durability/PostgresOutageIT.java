package org.vigil.query.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.query.RunningVigil;
import org.vigil.query.postgres.PostgresServer;
import org.vigil.simulator.load.LoadGenerator;
import org.vigil.simulator.load.LoadResult;

/**
 * The production store goes away under load and comes back (docs/DESIGN.md, principle 3: stored before
 * acknowledged). Vigil on a real PostgreSQL server takes PCD-01 from the load generator over 4 connections; the
 * server is stopped as a crash stops it ({@code pg_ctl stop -m immediate}). While it is down no message sent is
 * acknowledged with AA; once it runs again on the same data, Vigil, never restarted, acknowledges again within a
 * bound, every message that got AA is in the store exactly once and the read models agree with it.
 */
class PostgresOutageIT {

    private static final long AAS_BEFORE_OUTAGE = 300;
    private static final long AAS_AFTER_OUTAGE = 200;
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @Test
    void noMessageIsAcknowledgedWhilePostgresIsDownAndVigilRecoversWithoutARestart() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(work.resolve("postgres"))) {
            List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
            arguments.addAll(List.of("--server.shutdown=immediate", "--spring.profiles.active=postgres"));
            arguments.addAll(postgres.datasourceProperties());
            arguments.addAll(RunningVigil.demoUsers());
            arguments.addAll(LoadChairs.deviceProperties());
            try (RunningVigil vigil = RunningVigil.launch(arguments, builder -> { })) {
                // given a session at each load chair and messages being acknowledged
                Map<String, String> sessions = new LinkedHashMap<>();
                LoadChairs.bindings().values().forEach(chair ->
                        sessions.put(chair, vigil.startSession(chair, 124, 78).value()));
                Acknowledgements acks = new Acknowledgements();
                LoadGenerator generator = new LoadGenerator(LoadChairs.load(vigil.mllpPort(), Duration.ofMinutes(3)),
                        Clock.systemUTC(), acks);
                CompletableFuture<LoadResult> running = LoadChairs.inThread(generator);
                long down;
                long restarting;
                long up;
                long resumed;
                try {
                    await().atMost(Duration.ofSeconds(60)).until(() -> acks.acceptedCount() >= AAS_BEFORE_OUTAGE);

                    // when PostgreSQL stops, until every device has sent a message that got an answer or none
                    postgres.stopImmediately();
                    down = System.nanoTime();
                    await().atMost(Duration.ofSeconds(60)).until(() ->
                            acks.answers(a -> a.writtenFrom(down)).size() >= LoadChairs.CONNECTIONS);
                    restarting = System.nanoTime();

                    // and starts again on the same data
                    postgres.startAgain();
                    up = System.nanoTime();
                    await().atMost(RECOVERY).until(() ->
                            acks.answers(a -> a.writtenFrom(up) && a.accepted()).size() >= AAS_AFTER_OUTAGE);
                    resumed = acks.answers(a -> a.writtenFrom(up) && a.accepted()).stream()
                            .mapToLong(Acknowledgements.Answer::answeredAtNanos).min().orElseThrow();
                } finally {
                    generator.stop();
                }
                LoadResult load = running.get(30, TimeUnit.SECONDS);

                // then no message written while PostgreSQL was down got AA before it ran again
                Set<Acknowledgements.Answer> acceptedWhileDown = acks.answers(a -> a.writtenFrom(down)
                        && a.answeredBefore(restarting) && a.accepted());
                System.out.printf(Locale.ROOT, "PostgreSQL outage: down %.1f s; messages written while it was down:"
                                + " %s; first AA %.2f s after it was up again; store failures counted by the MLLP "
                                + "listener: %d; load generator: %s%n",
                        (restarting - down) / 1e9, acks.summary(a -> a.writtenFrom(down) && a.writtenBefore(up)),
                        (resumed - up) / 1e9, vigil.mllpStatistics().storeFailures(), load.summary());
                assertThat(acceptedWhileDown).as("messages acknowledged with AA while PostgreSQL was down").isEmpty();

                // and every message that got AA is in the store exactly once, and the read models agree with it
                StoredMessages stored = StoredMessages.in(vigil);
                Set<String> acknowledged = acks.acceptedKeys();
                assertThat(stored.missing(acknowledged))
                        .as("acknowledged messages not in the store, of %d", acknowledged.size()).isEmpty();
                assertThat(stored.duplicates()).as("messages stored more than once").isEmpty();
                ReadModels.assertAgree(vigil, stored, sessions);
            }
        }
    }
}
