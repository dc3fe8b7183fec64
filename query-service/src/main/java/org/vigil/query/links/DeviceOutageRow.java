package org.vigil.query.links;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One device offline now: the device-offline decision's memory across restarts. */
@Entity
@Table(name = "device_outage")
class DeviceOutageRow {

    @Id
    @Column(name = "device_id", length = 200)
    private String deviceId;

    @Column(name = "chair_id", length = 100)
    private String chairId;

    @Column(name = "cause", length = 2000, nullable = false)
    private String cause;

    @Column(name = "offline_since", nullable = false)
    private Instant since;

    protected DeviceOutageRow() {
    }

    DeviceOutageRow(String deviceId, String chairId, String cause, Instant since) {
        this.deviceId = deviceId;
        this.chairId = chairId;
        this.cause = cause;
        this.since = since;
    }

    String deviceId() {
        return deviceId;
    }

    String chairId() {
        return chairId;
    }

    String cause() {
        return cause;
    }

    Instant since() {
        return since;
    }
}
