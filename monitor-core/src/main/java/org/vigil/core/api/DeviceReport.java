package org.vigil.core.api;

import java.time.Instant;

/**
 * One decoded and mapped device message, as an adapter hands it over to be recorded: vital-sign observations,
 * a pump's report, or a device's own alarm. Each becomes exactly one recorded event (docs/DESIGN.md, principle 2).
 */
public sealed interface DeviceReport permits DeviceObservations, PumpReport, DeviceAlarmReport {

    DeviceId deviceId();

    MessageKey messageKey();

    /** When the device says the message was made, {@code null} if it did not say. */
    Instant deviceTime();

    /** When Vigil received the message, by Vigil's clock. */
    Instant receivedAt();
}
