package org.vigil.query.influx;

import static org.vigil.query.influx.InfluxSchema.PUMP;
import static org.vigil.query.influx.InfluxSchema.TAG_CHAIR;
import static org.vigil.query.influx.InfluxSchema.TAG_DEVICE;
import static org.vigil.query.influx.InfluxSchema.TAG_SESSION;

import java.time.Instant;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.SessionId;

/**
 * The {@code pump} point of one pump report (docs/DOMAIN.md, "Infusion pumps"): programmed rate, volumes, dose rate,
 * status, and the drug delivered so far (volume infused × concentration).
 *
 * <p>This is where pump values enter InfluxDB once the contract records pump reports as an event: the event
 * handler for that event in {@link InfluxProjection} only has to call {@link #of} with the report and the chair
 * and session the event names. Like observations, the point is stamped with the device's time, else the
 * receive time.
 */
final class PumpPoints {

    private PumpPoints() {
    }

    static InfluxPoint of(PumpReport report, ChairId chair, SessionId session) {
        PumpProgramme programme = report.programme() != null ? report.programme()
                : new PumpProgramme(null, null, null, null, null, null);
        Instant at = report.deviceTime() != null ? report.deviceTime() : report.receivedAt();
        return InfluxPoint.of(PUMP, at)
                .tag(TAG_CHAIR, chair)
                .tag(TAG_SESSION, session)
                .tag(TAG_DEVICE, report.deviceId())
                .field("status", report.status() == null ? null : report.status().name())
                .field("drug", programme.drug())
                .field("rate_ml_h", programme.rateMlPerHour())
                .field("vtbi_ml", programme.vtbiMl())
                .field("concentration_mg_ml", programme.concentrationMgPerMl())
                .field("dose_rate", programme.doseRate())
                .field("dose_rate_unit", programme.doseRateUnit())
                .field("volume_infused_ml", report.volumeInfusedMl())
                .field("volume_remaining_ml", report.volumeRemainingMl())
                .field("dose_delivered_mg", report.volumeInfusedMl() == null
                        || programme.concentrationMgPerMl() == null ? null
                        : report.volumeInfusedMl() * programme.concentrationMgPerMl())
                .field("time_remaining_s", report.timeRemaining() == null ? null
                        : (double) report.timeRemaining().toSeconds())
                .field("alarms", report.alarms().size())
                .build();
    }
}
