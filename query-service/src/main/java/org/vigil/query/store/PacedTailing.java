package org.vigil.query.store;

import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Puts Axon's storage engine, whichever store it writes to, behind {@link PacedTailingReads}: the event store that
 * Axon's Spring Boot support builds on it then follows the head of the store at most once per
 * {@code vigil.store.tailing-read-interval} (250 ms unless set).
 */
@Component
class PacedTailing implements BeanPostProcessor, EnvironmentAware {

    private Duration interval = Duration.ofMillis(250);

    @Override
    public void setEnvironment(Environment environment) {
        interval = environment.getProperty("vigil.store.tailing-read-interval", Duration.class, interval);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof EventStorageEngine engine && !(bean instanceof PacedTailingReads)) {
            return new PacedTailingReads(engine, interval);
        }
        return bean;
    }
}
