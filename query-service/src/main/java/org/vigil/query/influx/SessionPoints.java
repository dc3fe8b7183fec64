package org.vigil.query.influx;

import static org.vigil.query.influx.InfluxSchema.SESSION;
import static org.vigil.query.influx.InfluxSchema.TAG_CHAIR;
import static org.vigil.query.influx.InfluxSchema.TAG_EVENT;
import static org.vigil.query.influx.InfluxSchema.TAG_SESSION;

import java.util.Optional;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.protocol.AlarmThresholds;

/**
 * A {@code session} point at the start, with the patient's baseline and the protocol's alarm limits, and one at
 * the end. Dashboards draw the limits as lines against the session's blood pressure; the relative-surge limits
 * are baseline plus the protocol's rise (docs/DOMAIN.md, "Alarm rules").
 */
final class SessionPoints {

    static final String STARTED = "started";
    static final String ENDED = "ended";

    private SessionPoints() {
    }

    /**
     * @param limits the thresholds of the protocol the session ran under, when Vigil runs that protocol (same
     *               name and version); otherwise the point carries no limits rather than another protocol's
     */
    static InfluxPoint started(SessionStartedEvent event, Optional<AlarmThresholds> limits) {
        BaselineVitals baseline = event.baseline() != null ? event.baseline()
                : new BaselineVitals(null, null, null, null);
        InfluxPoint.Builder point = InfluxPoint.of(SESSION, event.startedAt())
                .tag(TAG_CHAIR, event.chairId())
                .tag(TAG_SESSION, event.sessionId())
                .tag(TAG_EVENT, STARTED)
                .field("active", 1)
                .field("treatment", event.treatment() == null ? null : event.treatment().name())
                .field("protocol", event.protocol() == null ? null
                        : event.protocol().name() + " " + event.protocol().version())
                .field("weight_kg", event.weightKg())
                .field("age_years", (long) event.ageYears())
                .field("baseline_systolic", number(baseline.systolic()))
                .field("baseline_diastolic", number(baseline.diastolic()))
                .field("baseline_heart_rate", number(baseline.heartRate()))
                .field("baseline_spo2", number(baseline.spo2()));
        limits.ifPresent(l -> point
                .field("severe_systolic", l.severeHypertension().systolicAbove())
                .field("severe_diastolic", l.severeHypertension().diastolicAbove())
                .field("surge_systolic", plus(baseline.systolic(), l.relativeSurge().systolicRiseAtLeast()))
                .field("surge_diastolic", plus(baseline.diastolic(), l.relativeSurge().diastolicRiseAtLeast()))
                .field("hypotension_systolic", l.hypotension().systolicBelow())
                .field("tachycardia_heart_rate", l.tachycardia().mediumAbove())
                .field("bradycardia_heart_rate", l.bradycardia().mediumBelow())
                .field("desaturation_spo2", l.desaturation().mediumBelow())
                .field("bradypnea_respiratory_rate", l.bradypnea().respiratoryRateBelow()));
        return point.build();
    }

    static InfluxPoint ended(SessionEndedEvent event) {
        return InfluxPoint.of(SESSION, event.endedAt())
                .tag(TAG_CHAIR, event.chairId())
                .tag(TAG_SESSION, event.sessionId())
                .tag(TAG_EVENT, ENDED)
                .field("active", 0)
                .field("reason", event.reason())
                .build();
    }

    private static Double number(Integer value) {
        return value == null ? null : value.doubleValue();
    }

    private static Double plus(Integer baseline, double rise) {
        return baseline == null ? null : baseline + rise;
    }
}
