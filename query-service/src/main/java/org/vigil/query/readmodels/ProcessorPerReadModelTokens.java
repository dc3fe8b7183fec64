package org.vigil.query.readmodels;

import jakarta.persistence.EntityManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.query.support.ProcessingGroups;

/**
 * A store written when each persisted read model had a processor, and a token, of its own: those tokens may stand
 * at different events, so none of them can be the shared processor's. Before Axon's processors start, such a
 * store's read models are emptied (their {@code @ResetHandler}s) and the old tokens removed, in one transaction;
 * the shared processor then builds every read model from the first event. Any other store is left alone.
 */
@Component
class ProcessorPerReadModelTokens implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessorPerReadModelTokens.class);

    private final EventProcessingConfiguration processing;
    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private volatile boolean running;

    ProcessorPerReadModelTokens(@Lazy EventProcessingConfiguration processing, EntityManager entityManager,
                                PlatformTransactionManager transactionManager) {
        this.processing = processing;
        this.entityManager = entityManager;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void start() {
        transactions.executeWithoutResult(status -> {
            long old = entityManager.createQuery("select count(t) from TokenEntry t where t.processorName in :names",
                    Long.class).setParameter("names", ProcessingGroups.READ_MODELS).getSingleResult();
            if (old > 0) {
                log.info("The read models had a processor each; the processor {} empties and rebuilds them",
                        ProcessingGroups.READ_MODELS_PROCESSOR);
                processing.eventProcessor(ProcessingGroups.READ_MODELS_PROCESSOR, StreamingEventProcessor.class)
                        .orElseThrow().resetTokens();
                entityManager.createQuery("delete from TokenEntry t where t.processorName in :names")
                        .setParameter("names", ProcessingGroups.READ_MODELS).executeUpdate();
            }
        });
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before Axon's processors start. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 500;
    }
}
