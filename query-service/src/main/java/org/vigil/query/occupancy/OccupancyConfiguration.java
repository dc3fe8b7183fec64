package org.vigil.query.occupancy;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.query.support.ProcessingGroups;

/**
 * The occupancy's processor is subscribing (application.yml) and propagates its handlers' errors, so a row that
 * cannot be written fails the unit of work: the session's start or end is not stored without it.
 */
@Configuration(proxyBeanMethods = false)
class OccupancyConfiguration {

    @Bean
    ConfigurerModule occupancyProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(ProcessingGroups.CHAIR_OCCUPANCY,
                        c -> PropagatingErrorHandler.instance()));
    }
}
