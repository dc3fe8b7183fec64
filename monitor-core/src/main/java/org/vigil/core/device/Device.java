package org.vigil.core.device;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.Iterator;
import java.util.LinkedHashSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.RecordDeviceObservationsCommand;

/**
 * A device's own record of the messages it sent while no session was running at its chair, or while it was
 * configured for no chair: such values are kept, never dropped (DESIGN.md, "The way data flows"). The stream
 * exists from the device's first message on.
 *
 * <p>Fields are visible to Jackson because the aggregate is snapshotted with the Jackson serializer.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Device {

    /** As in the session: enough to recognise a gateway's resends of unacknowledged messages. */
    static final int REMEMBERED_MESSAGE_KEYS = 1_000;

    @AggregateIdentifier
    private DeviceId deviceId;
    private LinkedHashSet<MessageKey> recentMessageKeys = new LinkedHashSet<>();

    public Device() {
    }

    /**
     * @return {@code true} when the message was recorded, {@code false} when it was a resend of a message already
     *         recorded (same {@link MessageKey}), which records nothing
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordDeviceObservationsCommand command) {
        DeviceObservations message = command.observations();
        if (!command.deviceId().equals(message.deviceId())) {
            throw new IllegalArgumentException("the message of device " + message.deviceId()
                    + " cannot be recorded on device " + command.deviceId());
        }
        if (recentMessageKeys.contains(message.messageKey())) {
            return false;
        }
        apply(new ObservationsRecordedEvent(null, command.chairId(), message.deviceId(), message.messageKey(),
                message.deviceTime(), message.receivedAt(), message.observations()));
        return true;
    }

    @EventSourcingHandler
    void on(ObservationsRecordedEvent event) {
        deviceId = event.deviceId();
        recentMessageKeys.add(event.messageKey());
        if (recentMessageKeys.size() > REMEMBERED_MESSAGE_KEYS) {
            Iterator<MessageKey> oldest = recentMessageKeys.iterator();
            oldest.next();
            oldest.remove();
        }
    }
}
