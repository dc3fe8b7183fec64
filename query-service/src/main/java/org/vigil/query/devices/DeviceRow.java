package org.vigil.query.devices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.vigil.core.api.DeviceLinkView;

/**
 * One device Vigil has heard from: how many messages, when the last came, the last value of every code it
 * reported (as JSON: shown, never searched) and its link as the device's events record it. Whether it is
 * configured, and for which chair, is the configuration's to say when it is read.
 */
@Entity
@Table(name = "device_view")
class DeviceRow {

    static final int VALUES_LENGTH = 100_000;

    @Id
    @Column(name = "device_id", length = 200)
    private String deviceId;

    /** The chair its first event named, for a device nobody configured. */
    @Column(name = "reported_chair_id", length = 100)
    private String reportedChairId;

    @Column(name = "messages_recorded", nullable = false)
    private long messagesRecorded;

    @Column(name = "last_message_at")
    private Instant lastMessageAt;

    @Column(name = "last_values", length = VALUES_LENGTH)
    private String lastValues;

    @Column(name = "link_state", length = 20, nullable = false)
    private String linkState;

    @Column(name = "link_offline", nullable = false)
    private boolean linkOffline;

    @Column(name = "link_detail", length = 2000)
    private String linkDetail;

    @Column(name = "link_changed_at")
    private Instant linkChangedAt;

    /** The chair an engineer bound this device to (an event), {@code null} unless someone did. */
    @Column(name = "bound_chair_id", length = 100)
    private String boundChairId;

    @Column(name = "bound_by", length = 200)
    private String boundBy;

    @Column(name = "bound_at")
    private Instant boundAt;

    protected DeviceRow() {
    }

    DeviceRow(String deviceId, String reportedChairId) {
        this.deviceId = deviceId;
        this.reportedChairId = reportedChairId;
        DeviceLinkView unknown = DeviceLinkView.unknown();
        this.linkState = unknown.state();
        this.linkOffline = unknown.offline();
    }

    String deviceId() {
        return deviceId;
    }

    String reportedChairId() {
        return reportedChairId;
    }

    long messagesRecorded() {
        return messagesRecorded;
    }

    Instant lastMessageAt() {
        return lastMessageAt;
    }

    String lastValues() {
        return lastValues;
    }

    void recorded(long messages, Instant lastAt, String values) {
        messagesRecorded += messages;
        lastMessageAt = lastAt;
        lastValues = values;
    }

    DeviceLinkView link() {
        return DeviceLinkView.uncounted(linkState, linkOffline, linkDetail, linkChangedAt);
    }

    void bound(String chair, String by, Instant at) {
        boundChairId = chair;
        boundBy = by;
        boundAt = at;
    }

    String boundChairId() {
        return boundChairId;
    }

    String boundBy() {
        return boundBy;
    }

    Instant boundAt() {
        return boundAt;
    }

    void link(String state, boolean offline, String detail, Instant changedAt) {
        linkState = state;
        linkOffline = offline;
        linkDetail = detail;
        linkChangedAt = changedAt;
    }
}
