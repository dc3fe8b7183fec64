package org.vigil.query.readmodels;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.query.support.ProcessingGroups;

/**
 * The persisted read models' processors, set in application.yml (tracking, one thread and one segment), with one
 * thing more: an exception in a handler is not logged and skipped but fails the batch, which keeps its token and is
 * handled again after a growing pause (1 s doubling to 60 s), so a read model never silently misses an event.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelsConfiguration {

    @Bean
    ConfigurerModule readModelErrors() {
        return configurer -> configurer.eventProcessing(processing -> ProcessingGroups.READ_MODELS.forEach(group ->
                processing.registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())));
    }
}
