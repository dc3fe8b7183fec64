package org.vigil.query.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.query.GatewayMessages;
import org.vigil.query.ingest.GroupCommit;
import org.vigil.query.ingest.RecordStoreStatus;

/**
 * PostgreSQL answers nothing about the event table — another session holds an exclusive lock on it, so every
 * statement on it waits with no end of its own: gateways are answered {@code AE} within the store timeout, and the
 * transaction's timeout cancels the waiting statements, so the ingest is free again while the lock is still held. Once it is released, a message is stored at once, and each message that got {@code AE} is stored
 * exactly once when resent.
 */
class StoreTimeoutOnPostgresIT {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(4);
    private static final int MESSAGES = 6;

    @TempDir
    Path data;

    @Test
    @SuppressWarnings("try") // the lock only has to be held while the messages are sent
    void aLockedEventTableIsAnsweredAeInTimeAndFreesTheIngestBeforeItIsReleased() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(data);
             VigilOnPostgres vigil = VigilOnPostgres.startWith(postgres, List.of(
                     "--vigil.ingest.store-timeout=" + STORE_TIMEOUT.toMillis() + "ms",
                     "--vigil.ingest.transaction-timeout=" + TRANSACTION_TIMEOUT.toMillis() + "ms"),
                     GatewayMessages.NIST_DEVICE + "=chair-1")) {
            // given
            assertThat(send(vigil, "BEFORE")).contains("MSA|AA|");
            ThreadPoolExecutor workers = vigil.vigil().context().getBean("ingestWorkers", ThreadPoolExecutor.class);
            GroupCommit ingest = vigil.vigil().context().getBean(GroupCommit.class);
            // and Vigil idle: the device's first message also records it connected, on a worker, after the AA
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> ingest.idle() && workers.getActiveCount() == 0 && workers.getQueue().isEmpty());

            try (AutoCloseable lock = postgres.holding("lock table domain_event_entry in access exclusive mode")) {
                // when
                List<CompletableFuture<Long>> answered = IntStream.range(0, MESSAGES)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                            long start = System.nanoTime();
                            assertThat(send(vigil, "HUNG-" + i)).contains("MSA|AE|");
                            return (System.nanoTime() - start) / 1_000_000;
                        })).toList();

                // then every gateway is answered in time
                assertThat(answered.stream().map(CompletableFuture::join))
                        .allSatisfy(millis -> assertThat(millis).as("ms to AE")
                                .isLessThanOrEqualTo(STORE_TIMEOUT.toMillis() + 1500));
                assertThat(vigil.vigil().context().getBean(RecordStoreStatus.class).unavailable()).isTrue();
                // and the ingest is freed while the table is still locked
                await().atMost(TRANSACTION_TIMEOUT.plus(Duration.ofSeconds(5)))
                        .untilAsserted(() -> assertThat(ingest.idle()).isTrue());
                assertThat(workers.getActiveCount()).isZero();
            }

            // when the lock is released
            assertThat(send(vigil, "AFTER")).contains("MSA|AA|");

            // then
            assertThat(vigil.vigil().context().getBean(RecordStoreStatus.class).unavailable()).isFalse();
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(send(vigil, "HUNG-" + i)).contains("MSA|AA|");
            }
            List<String> stored = vigil.vigil().stored(ObservationsRecordedEvent.class).stream()
                    .map(event -> event.payload().messageKey().controlId()).toList();
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(stored).as("stored HUNG-%d", i).containsOnlyOnce("HUNG-" + i);
            }
        }
    }

    private static String send(VigilOnPostgres vigil, String controlId) {
        return GatewayMessages.send(vigil.mllpPort(), GatewayMessages.nist(controlId),
                STORE_TIMEOUT.plus(Duration.ofSeconds(10)));
    }
}
