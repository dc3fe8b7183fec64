package org.vigil.query.ingest;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.query.settings.VigilProperties;

/**
 * Keeps the {@code received_message} table to the duplicate window, {@code vigil.ingest.duplicate-window} (24 hours
 * by default): a gateway resends an unacknowledged message within seconds to hours, never a day later, and a row per
 * message of the last day is a bounded table (about 350,000 rows for twelve chairs). A message resent after the
 * window is stored again; a control id reused after it is stored without being counted as reused. Deletes run every
 * ten minutes so that each one is small.
 */
@Component
class ReceivedMessagesRetention {

    private static final Logger log = LoggerFactory.getLogger(ReceivedMessagesRetention.class);

    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration window;

    ReceivedMessagesRetention(EntityManager entityManager, PlatformTransactionManager transactionManager, Clock clock,
                              VigilProperties properties) {
        this.entityManager = entityManager;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.window = properties.ingest().duplicateWindow();
    }

    @Scheduled(fixedDelayString = "${vigil.ingest.duplicate-purge-interval:10m}",
            initialDelayString = "${vigil.ingest.duplicate-purge-interval:10m}")
    void purge() {
        Integer deleted = transactions.execute(status -> entityManager
                .createQuery("delete from ReceivedMessage m where m.receivedAt < :before")
                .setParameter("before", clock.instant().minus(window))
                .executeUpdate());
        if (deleted != null && deleted > 0) {
            log.debug("Forgot {} received messages older than {}", deleted, window);
        }
    }
}
