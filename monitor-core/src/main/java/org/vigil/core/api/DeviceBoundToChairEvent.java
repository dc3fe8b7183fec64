package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An engineer decided that the device belongs to the chair (see {@link BindDeviceToChairCommand}). */
@Revision("1")
public record DeviceBoundToChairEvent(DeviceId deviceId, ChairId chairId, String user, Instant at) {
}
