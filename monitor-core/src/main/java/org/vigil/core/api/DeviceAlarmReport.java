package org.vigil.core.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An alarm a device raised itself, as an IHE PCD-04 {@code ORU^R40} reports it: from a monitor or a pump,
 * physiological or technical.
 *
 * @param alarmCode     the MDC event code of the alarm (e.g. {@code 196616^MDC_EVT_ALARM} or a specific event)
 * @param sourceMdcCode the metric the alarm is about (e.g. 150021 for NIBP systolic), {@code 0} if none
 * @param text          the device's own words for it
 * @param alarmId       the device's identity for this alarm across its phases (so an END matches its START)
 */
public record DeviceAlarmReport(DeviceId deviceId, MessageKey messageKey, Instant deviceTime, Instant receivedAt,
                                String alarmId, String alarmCode, int sourceMdcCode, String text, AlarmPhase phase,
                                AlarmPriority priority, AlarmKind kind) implements DeviceReport {

    public DeviceAlarmReport {
        Objects.requireNonNull(deviceId, "device id");
        Objects.requireNonNull(messageKey, "message key");
        Objects.requireNonNull(receivedAt, "received at");
        Objects.requireNonNull(phase, "phase");
    }
}
