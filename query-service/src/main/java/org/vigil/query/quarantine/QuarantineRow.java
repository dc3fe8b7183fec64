package org.vigil.query.quarantine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.vigil.core.api.DeviceReportQuarantinedEvent;

/** One quarantined device message, as the devices page lists it. */
@Entity
@Table(name = "quarantined_message")
class QuarantineRow {

    @Id
    @Column(name = "quarantine_id", length = 60)
    private String quarantineId;

    @Column(name = "sender", length = 255, nullable = false)
    private String sender;

    @Column(name = "device_id", length = 200, nullable = false)
    private String deviceId;

    @Column(name = "source_address", length = 60, nullable = false)
    private String sourceAddress;

    @Column(name = "control_id", length = 255, nullable = false)
    private String controlId;

    @Column(name = "reason", length = 500, nullable = false)
    private String reason;

    @Column(name = "refused", nullable = false)
    private boolean refused;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected QuarantineRow() {
    }

    QuarantineRow(DeviceReportQuarantinedEvent event) {
        this.quarantineId = event.quarantineId();
        this.sender = event.sender();
        this.deviceId = event.deviceId();
        this.sourceAddress = event.sourceAddress();
        this.controlId = event.controlId();
        this.reason = event.reason();
        this.refused = event.refused();
        this.receivedAt = event.receivedAt();
    }

    QuarantinedSender view() {
        return new QuarantinedSender(sender, deviceId, sourceAddress, controlId, reason, refused ? "AR" : "AA",
                receivedAt);
    }
}
