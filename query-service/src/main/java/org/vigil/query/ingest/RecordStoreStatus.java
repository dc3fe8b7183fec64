package org.vigil.query.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vigil.query.live.StationCondition;
import org.vigil.query.live.StationConditions;

/**
 * Whether the record store takes device messages: it becomes unavailable when a message is not stored within the
 * store timeout or the database cannot be reached, and available again when a message is stored. While it is
 * unavailable the station shows the technical condition "record store unavailable" ({@value #CONDITION}) — the
 * store cannot record that about itself, so it is a live-only condition — and the gauge
 * {@code vigil.store.unavailable} is 1.
 */
@Component
public class RecordStoreStatus {

    static final String CONDITION = "record-store-unavailable";

    private static final Logger log = LoggerFactory.getLogger(RecordStoreStatus.class);

    private final StationConditions conditions;
    private final Clock clock;

    RecordStoreStatus(StationConditions conditions, Clock clock, MeterRegistry meters) {
        this.conditions = conditions;
        this.clock = clock;
        Gauge.builder("vigil.store.unavailable", this, status -> status.unavailable() ? 1 : 0)
                .description("1 while device messages cannot be stored in time, else 0").register(meters);
    }

    public boolean unavailable() {
        return conditions.isActive(CONDITION);
    }

    void notStored(String reason) {
        boolean began = conditions.raise(new StationCondition(CONDITION, "HIGH", "Record store unavailable",
                "Device data is not being stored: " + reason + ". Devices are told to send again; watch the "
                        + "patients directly until this clears.", clock.instant(), true));
        if (began) {
            log.error("Record store unavailable: {}", reason);
        }
    }

    void stored() {
        if (conditions.clear(CONDITION)) {
            log.warn("Record store available again: a device message was stored");
        }
    }
}
