package org.vigil.core.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message from an infusion pump: a status reply of the serial protocol, a PCD-01 pump observation or a
 * PCD-10 pump event. Fields the message did not carry are {@code null}.
 *
 * @param volumeInfusedMl   volume delivered so far in this programme (MDC 157864, or the total 157993), mL
 * @param volumeRemainingMl volume still to be infused (MDC 157872), mL
 * @param alarms            the pump's alarm conditions active at that moment; empty when none
 */
public record PumpReport(DeviceId deviceId, MessageKey messageKey, Instant deviceTime, Instant receivedAt,
                         PumpStatus status, PumpProgramme programme, Double volumeInfusedMl,
                         Double volumeRemainingMl, Duration timeRemaining, List<PumpAlarm> alarms)
        implements DeviceReport {

    public PumpReport {
        Objects.requireNonNull(deviceId, "device id");
        Objects.requireNonNull(messageKey, "message key");
        Objects.requireNonNull(receivedAt, "received at");
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
    }
}
