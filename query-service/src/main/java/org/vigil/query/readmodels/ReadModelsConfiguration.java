package org.vigil.query.readmodels;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.query.store.TrackedEventStreams;
import org.vigil.query.support.ProcessingGroups;

/**
 * The persisted read models' processor: every read model's processing group is assigned to the one tracking
 * processor {@value ProcessingGroups#READ_MODELS_PROCESSOR} (set in application.yml: one thread, one segment), so
 * each event is read from the store and deserialised once for all of them, and a batch of every read model is
 * written with the one token in one transaction. An exception in a handler is not logged and skipped but fails the
 * batch, which keeps its token and is handled again after a growing pause (1 s doubling to 60 s), so a read model
 * never silently misses an event.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelsConfiguration {

    /** The name application.yml gives the read models' processor's source. */
    static final String READ_MODELS_SOURCE = "readModelsEvents";

    @Bean
    ConfigurerModule readModelsProcessor() {
        return configurer -> configurer.eventProcessing(processing -> ProcessingGroups.READ_MODELS.forEach(group ->
                processing.assignProcessingGroup(group, ProcessingGroups.READ_MODELS_PROCESSOR)
                        .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())));
    }

    /**
     * The events as the read models' processor reads them (its {@code source} in application.yml): read and
     * deserialised ahead of it on a thread of their own, at most {@code vigil.read-models.read-ahead} of them,
     * through a read-only connection of their own on the embedded store; {@code 0} reads them on the processor's
     * thread, straight from the event store.
     */
    @Bean(READ_MODELS_SOURCE)
    StreamableMessageSource<TrackedEventMessage<?>> readModelsEvents(EventStore eventStore,
            TrackedEventStreams streams, @Value("${vigil.read-models.read-ahead:2000}") int readAhead) {
        return new ReadAheadSource(eventStore, streams::openStream, readAhead);
    }
}
