package org.vigil.query.readmodels;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    @Bean
    ConfigurerModule readModelsProcessor() {
        return configurer -> configurer.eventProcessing(processing -> ProcessingGroups.READ_MODELS.forEach(group ->
                processing.assignProcessingGroup(group, ProcessingGroups.READ_MODELS_PROCESSOR)
                        .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())));
    }
}
