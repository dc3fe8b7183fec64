package org.vigil.adapters.hl7.wire;

import org.vigil.core.api.DeviceId;

import java.util.List;

/**
 * Names the device a message is about: OBX-18.1 (the EUI-64 or serial entity identifier) of the first row
 * that names one, else OBX-18.3, else MSH-3.1. A gateway names each device in OBX-18 and itself in MSH-3
 * (IHE PCD TF-2, OBX-18 equipment instance identifier).
 */
final class DeviceIds {

    private DeviceIds() {
    }

    static DeviceId of(List<ObxRow> rows, Hl7Header header) {
        for (ObxRow row : rows) {
            if (!row.equipmentId().isEmpty()) {
                return new DeviceId(row.equipmentId());
            }
        }
        for (ObxRow row : rows) {
            if (!row.equipmentUniversalId().isEmpty()) {
                return new DeviceId(row.equipmentUniversalId());
            }
        }
        return header.namedDevice().orElseGet(() -> new DeviceId(header.sender()));
    }
}
