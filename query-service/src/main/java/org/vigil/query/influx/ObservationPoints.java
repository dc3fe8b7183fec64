package org.vigil.query.influx;

import static org.vigil.query.influx.InfluxSchema.DEVICE_MESSAGE;
import static org.vigil.query.influx.InfluxSchema.OBSERVATION;
import static org.vigil.query.influx.InfluxSchema.TAG_CHAIR;
import static org.vigil.query.influx.InfluxSchema.TAG_CODE;
import static org.vigil.query.influx.InfluxSchema.TAG_DEVICE;
import static org.vigil.query.influx.InfluxSchema.TAG_SESSION;
import static org.vigil.query.influx.InfluxSchema.TAG_VITAL;
import static org.vigil.query.influx.InfluxSchema.VALUE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.Vital;

/**
 * The points of one recorded device message: one {@code observation} point per available value and one
 * {@code device_message} point for the message itself.
 *
 * <p>An observation is stamped with the time the device says it measured the value (the value's own time, else
 * the message's), and with Vigil's receive time only when the device gave none. A trend then shows when the
 * patient had the value, and a reading a device repeats in several messages (an NIBP result is re-sent until
 * the next cuff cycle) is one point, not several. Device clocks drift (docs/DESIGN.md, principle 4): the
 * {@code device_message} point, stamped with the receive time, keeps the offset visible.
 */
final class ObservationPoints {

    private ObservationPoints() {
    }

    /**
     * @param recordedAt when the event was recorded (the event message's timestamp), for the store latency
     */
    static List<InfluxPoint> of(ObservationsRecordedEvent event, Instant recordedAt) {
        List<InfluxPoint> points = new ArrayList<>();
        long available = 0;
        for (Observation observation : event.observations()) {
            if (!observation.available()) {
                continue;
            }
            available++;
            points.add(InfluxPoint.of(OBSERVATION, measuredAt(event, observation))
                    .tag(TAG_CHAIR, event.chairId())
                    .tag(TAG_SESSION, event.sessionId())
                    .tag(TAG_DEVICE, event.deviceId())
                    .tag(TAG_CODE, observation.mdcCode())
                    .tag(TAG_VITAL, observation.vital().map(Vital::name).orElse(observation.label()))
                    .field(VALUE, observation.value())
                    .build());
        }
        points.add(InfluxPoint.of(DEVICE_MESSAGE, event.receivedAt())
                .tag(TAG_CHAIR, event.chairId())
                .tag(TAG_SESSION, event.sessionId())
                .tag(TAG_DEVICE, event.deviceId())
                .field("values", available)
                .field("missing", event.observations().size() - available)
                .field("clock_offset_s", event.deviceTime() == null ? null
                        : seconds(Duration.between(event.deviceTime(), event.receivedAt())))
                .field("store_ms", seconds(Duration.between(event.receivedAt(), recordedAt)) * 1000)
                .build());
        return points;
    }

    /** The device's time for the value, the message's device time, or else the receive time. */
    static Instant measuredAt(ObservationsRecordedEvent event, Observation observation) {
        Instant measured = event.deviceTimeOf(observation);
        return measured != null ? measured : event.receivedAt();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
