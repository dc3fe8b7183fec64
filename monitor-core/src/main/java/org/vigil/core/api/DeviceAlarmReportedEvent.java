package org.vigil.core.api;

import org.axonframework.serialization.Revision;

/**
 * One alarm message of a device (IHE PCD-04), as the device sent it: one event per message. Whether it raises or
 * ends an alarm on the chair is decided from it and recorded as alarm events.
 *
 * @param sessionId the session it belongs to, or {@code null} when the device had no session
 * @param chairId   the chair the device is configured for, or {@code null} when no one configured it
 */
@Revision("1")
public record DeviceAlarmReportedEvent(SessionId sessionId, ChairId chairId, DeviceAlarmReport report) {
}
