package org.vigil.query.history;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.Configurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.vigil.core.api.ObservationsRecordedEvent;

/**
 * A tracking processor of its own in the running application, standing for every read model fed by one: it keeps
 * the observation events it is handed, by the stream they were stored in.
 */
@ProcessingGroup(UpcastProbe.PROCESSOR)
final class UpcastProbe {

    static final String PROCESSOR = "upcast-probe";

    private final Map<String, List<ObservationsRecordedEvent>> received = new ConcurrentHashMap<>();

    /** Adds the probe's tracking processor to the application's configuration. */
    void register(Configurer configurer) {
        configurer.eventProcessing()
                .registerTrackingEventProcessor(PROCESSOR)
                .registerEventHandler(c -> this);
    }

    @EventHandler
    void on(ObservationsRecordedEvent event, @SourceId String aggregateId) {
        received.computeIfAbsent(aggregateId, id -> new CopyOnWriteArrayList<>()).add(event);
    }

    List<ObservationsRecordedEvent> received(String aggregateId) {
        return received.getOrDefault(aggregateId, List.of());
    }
}
