package org.vigil.core.device;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.vigil.core.api.BindDeviceToChairCommand;
import org.vigil.core.api.DeviceAlarmReportedEvent;
import org.vigil.core.api.DeviceBoundToChairEvent;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DeviceRecoveredEvent;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.RecordDeviceAlarmReportCommand;
import org.vigil.core.api.RecordDeviceConnectedCommand;
import org.vigil.core.api.RecordDeviceDisconnectedCommand;
import org.vigil.core.api.RecordDeviceObservationsCommand;
import org.vigil.core.api.RecordDevicePumpReportCommand;
import org.vigil.core.api.RecordDeviceRecoveredCommand;
import org.vigil.core.api.RecordDeviceSilentCommand;

/**
 * A device's own record of the messages it sent while no session was running at its chair, or while it was
 * configured for no chair: such values are kept, never dropped (docs/DESIGN.md, "The way data flows"). It also records
 * the device's connection and whether it sends usable data, whatever the session, so an outage is on record even
 * when no alarm could be raised for it. The stream exists from the first message or connection change on.
 *
 * <p>Connection changes are recorded only when they change something: a transport that reports the same state
 * twice (every failed reconnection attempt reports a disconnection) records one event. The device is offline from
 * a disconnection or a silence until it sends usable data again; a new connection alone does not end the outage.
 *
 * <p>A device's stream grows for as long as the device is in use: every message it sends outside a session is on
 * record, and the record is never shortened. What keeps loading it cheap is the snapshot the application stores
 * every so many events (its threshold): the device is loaded from the latest snapshot and the events after it,
 * fewer than the threshold, so the cost of a load is bounded whatever the length of the stream. The fields are the
 * snapshot, visible to the Jackson serializer; raise the {@link Revision} when one is added, removed, renamed or
 * changes meaning, so that a snapshot of the old shape is ignored (the device is then loaded from its events) rather
 * than misread.
 */
@Revision("2")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Device {

    @AggregateIdentifier
    private DeviceId deviceId;
    private Connection connection = Connection.UNKNOWN;
    /** When the current outage began; {@code null} while the device sends usable data (or has not failed yet). */
    private Instant offlineSince;

    public Device() {
    }

    /**
     * Records one message of the device. A resend of a message already stored never reaches the device: the ingest
     * checks every message against what was stored before, whatever aggregate it goes to.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordDeviceObservationsCommand command) {
        DeviceObservations message = command.observations();
        requireOwn(command.deviceId(), message);
        apply(ObservationsRecordedEvent.of(null, command.chairId(), message));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordDevicePumpReportCommand command) {
        requireOwn(command.deviceId(), command.report());
        apply(new PumpReportRecordedEvent(null, command.chairId(), command.report()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordDeviceAlarmReportCommand command) {
        requireOwn(command.deviceId(), command.report());
        apply(new DeviceAlarmReportedEvent(null, command.chairId(), command.report()));
    }

    /** @return {@code true} when recorded, {@code false} when the device was already connected */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordDeviceConnectedCommand command) {
        requireText(command.transport(), "the transport");
        requireTime(command.at());
        if (connection == Connection.CONNECTED) {
            return false;
        }
        apply(new DeviceConnectedEvent(command.deviceId(), command.chairId(), command.transport(), command.at()));
        return true;
    }

    /** @return {@code true} when recorded, {@code false} when the device was already disconnected */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordDeviceDisconnectedCommand command) {
        requireText(command.reason(), "the reason");
        requireTime(command.at());
        if (connection == Connection.DISCONNECTED) {
            return false;
        }
        apply(new DeviceDisconnectedEvent(command.deviceId(), command.chairId(), command.reason(), command.at()));
        return true;
    }

    /** @return {@code true} when recorded, {@code false} when the device was already silent or disconnected */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordDeviceSilentCommand command) {
        if (command.silentFor() == null || command.silentFor().isNegative()) {
            throw new IllegalArgumentException(
                    "how long the device was silent must be given and not negative, got " + command.silentFor());
        }
        requireTime(command.at());
        if (offlineSince != null) {
            return false;
        }
        apply(new DeviceSilentEvent(command.deviceId(), command.chairId(), command.silentFor(),
                command.lastMessageAt(), command.at()));
        return true;
    }

    /** @return {@code true} when recorded, {@code false} when the device was not offline */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordDeviceRecoveredCommand command) {
        requireTime(command.at());
        if (offlineSince == null) {
            return false;
        }
        apply(new DeviceRecoveredEvent(command.deviceId(), command.chairId(), offlineSince, command.at()));
        return true;
    }

    /** Records an engineer's binding of the device to a chair; the configuration makes it take effect. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(BindDeviceToChairCommand command) {
        if (command.chairId() == null) {
            throw new IllegalArgumentException("the chair to bind device " + command.deviceId() + " to is required");
        }
        requireText(command.user(), "the engineer who binds it");
        requireTime(command.at());
        apply(new DeviceBoundToChairEvent(command.deviceId(), command.chairId(), command.user().strip(),
                command.at()));
    }

    @EventSourcingHandler
    void on(DeviceBoundToChairEvent event) {
        deviceId = event.deviceId();
    }

    @EventSourcingHandler
    void on(ObservationsRecordedEvent event) {
        deviceId = event.deviceId();
    }

    @EventSourcingHandler
    void on(PumpReportRecordedEvent event) {
        deviceId = event.report().deviceId();
    }

    @EventSourcingHandler
    void on(DeviceAlarmReportedEvent event) {
        deviceId = event.report().deviceId();
    }

    @EventSourcingHandler
    void on(DeviceConnectedEvent event) {
        deviceId = event.deviceId();
        connection = Connection.CONNECTED;
    }

    @EventSourcingHandler
    void on(DeviceDisconnectedEvent event) {
        deviceId = event.deviceId();
        connection = Connection.DISCONNECTED;
        if (offlineSince == null) {
            offlineSince = event.at();
        }
    }

    @EventSourcingHandler
    void on(DeviceSilentEvent event) {
        deviceId = event.deviceId();
        offlineSince = event.lastMessageAt() != null ? event.lastMessageAt() : event.at().minus(event.silentFor());
    }

    @EventSourcingHandler
    void on(DeviceRecoveredEvent event) {
        deviceId = event.deviceId();
        offlineSince = null;
    }

    /**
     * @throws IllegalArgumentException when the message is another device's, or missing
     */
    private static void requireOwn(DeviceId target, DeviceReport message) {
        if (message == null) {
            throw new IllegalArgumentException("the device's message is required");
        }
        if (!target.equals(message.deviceId())) {
            throw new IllegalArgumentException("the message of device " + message.deviceId()
                    + " cannot be recorded on device " + target);
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    private static void requireTime(Instant at) {
        if (at == null) {
            throw new IllegalArgumentException("the time of the change is required");
        }
    }

    /** The transport's last report; {@code UNKNOWN} until it reports one (devices behind a gateway never do). */
    enum Connection {
        UNKNOWN,
        CONNECTED,
        DISCONNECTED
    }
}
