package org.vigil.query.config;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.vigil.core.device.Device;
import org.vigil.core.session.Session;
import org.vigil.query.store.SnapshotReads;

/**
 * Takes the snapshots of the session and device aggregates that {@link VigilConfiguration} asks for every
 * {@code vigil.snapshot-threshold} events of an aggregate. An aggregate is then loaded from its latest snapshot and
 * the events after it, never from its whole stream: after a restart, or once the aggregate cache has let it go.
 *
 * <p>A snapshot is taken after the commit that crossed the threshold, on a thread of its own, so no device message
 * waits for one. It is an optimisation, never the record: a snapshot that fails is logged and the next is taken as
 * many events later; one of another aggregate revision is ignored (Axon's revision snapshot filter, from the
 * aggregate's {@code @Revision}), and the aggregate is loaded from its events.
 *
 * <p>The aggregate's latest snapshot and events are read beside the store's writes and folded outside any
 * transaction; only storing the snapshot takes the store's connection ({@link ReadAsideSnapshotter}).
 *
 * <p>Axon's own snapshotter finds aggregates only among Spring beans; Vigil's are registered with the configurer, so
 * this one is given their factories.
 */
@Configuration
class SnapshotConfiguration {

    /** Given the event store so that it is closed before the store: a snapshot being written then completes. */
    @Bean(destroyMethod = "close")
    SnapshotWorker snapshotWorker(EventStore eventStore) {
        return new SnapshotWorker();
    }

    @Bean
    AggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration axon, EventStore eventStore,
                                              TransactionManager transactions, ParameterResolverFactory parameters,
                                              HandlerDefinition handlers, SnapshotterSpanFactory spans,
                                              SnapshotWorker worker, SnapshotReads reads) {
        AggregateSnapshotter.Builder builder = AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .aggregateFactories(new GenericAggregateFactory<>(Session.class),
                        new GenericAggregateFactory<>(Device.class))
                .repositoryProvider(axon::repository)
                .transactionManager(NoTransactionManager.instance())
                .parameterResolverFactory(parameters)
                .handlerDefinition(handlers)
                .spanFactory(spans)
                .executor(worker.pool);
        return new ReadAsideSnapshotter(builder, reads, transactions);
    }

    /**
     * The one thread snapshots are taken on. Its queue is bounded; when it is full, the thread that asked takes the
     * snapshot itself, rather than the snapshot being lost. On close, snapshots not yet begun are dropped (the next
     * load reads a longer tail and asks again) and the one being written is waited for, never interrupted: an
     * interrupted thread can make the embedded database close its file. Closed by Spring, never in a
     * try-with-resources, so an interrupt while it waits goes to Spring.
     */
    @SuppressWarnings("try")
    static final class SnapshotWorker implements AutoCloseable {

        private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

        private final ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1_000), new CustomizableThreadFactory("snapshot-"),
                new ThreadPoolExecutor.CallerRunsPolicy());

        @Override
        public void close() throws InterruptedException {
            pool.getQueue().clear();
            pool.shutdown();
            pool.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
