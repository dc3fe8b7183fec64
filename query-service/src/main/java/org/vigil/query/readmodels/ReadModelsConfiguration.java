package org.vigil.query.readmodels;

import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.vigil.query.store.TrackedEventStreams;
import org.vigil.query.support.ProcessingGroups;

/**
 * The persisted read models' processor: every read model's processing group is assigned to the one tracking
 * processor {@value ProcessingGroups#READ_MODELS_PROCESSOR} — one thread, one segment, batches of
 * {@code vigil.read-models.batch-size} events — so each event is read from the store and deserialised once for all of
 * them, and a batch of every read model is written with the one token in one transaction. Which read models handle
 * an event is decided once per payload type ({@link HandlersByPayloadType}). An exception in a handler is not logged
 * and skipped but fails the batch, which keeps its token and is handled again after a growing pause (1 s doubling to
 * 60 s), so a read model never silently misses an event.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ReadModelsConfiguration {

    /** The name of the read models' processor's source. */
    static final String READ_MODELS_SOURCE = "readModelsEvents";

    @Bean
    ConfigurerModule readModelsProcessor(
            @Lazy @Qualifier(READ_MODELS_SOURCE) StreamableMessageSource<TrackedEventMessage<?>> source,
            @Value("${vigil.read-models.batch-size:500}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> {
            ProcessingGroups.READ_MODELS.forEach(group -> processing
                    .assignProcessingGroup(group, ProcessingGroups.READ_MODELS_PROCESSOR)
                    .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance()));
            processing.registerEventProcessor(ProcessingGroups.READ_MODELS_PROCESSOR,
                    (name, configuration, invoker) -> processor(name, configuration, invoker, source, batchSize));
        });
    }

    /** A tracking processor as Axon makes one from its configuration, around {@link HandlersByPayloadType}. */
    private static EventProcessor processor(String name, Configuration configuration, EventHandlerInvoker invoker,
                                            StreamableMessageSource<TrackedEventMessage<?>> source, int batchSize) {
        EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
        return TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(new HandlersByPayloadType(invoker))
                .rollbackConfiguration(processing.rollbackConfiguration(name))
                .errorHandler(processing.errorHandler(name))
                .messageMonitor(processing.messageMonitor(TrackingEventProcessor.class, name))
                .messageSource(source)
                .tokenStore(processing.tokenStore(name))
                .transactionManager(processing.transactionManager(name))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialSegmentsCount(1)
                        .andEventAvailabilityTimeout(ProcessingGroups.TRACKING_IDLE_WAIT.toMillis(),
                                TimeUnit.MILLISECONDS))
                .spanFactory(configuration.getComponent(EventProcessorSpanFactory.class))
                .build();
    }

    /**
     * The events as the read models' processor reads them: read and deserialised ahead of it on a thread of their
     * own, at most {@code vigil.read-models.read-ahead} of them, through a read-only connection of their own on the
     * embedded store; {@code 0} reads them on the processor's thread, straight from the event store.
     */
    @Bean(READ_MODELS_SOURCE)
    StreamableMessageSource<TrackedEventMessage<?>> readModelsEvents(EventStore eventStore,
            TrackedEventStreams streams, @Value("${vigil.read-models.read-ahead:2000}") int readAhead) {
        return new ReadAheadSource(eventStore, streams::openStream, readAhead);
    }
}
