package org.vigil.core.alarm;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;

/**
 * The devices that are offline now, as the device-offline decision knows them ({@link DeviceSupervisionAlarms}).
 * The decision keeps them here in the transaction of the event that changed them, so that after a restart it knows
 * every outage without reading the devices' history; the device events remain the record. The application stores
 * them beside the event store.
 */
public interface DeviceOutages {

    /**
     * One device's outage.
     *
     * @param chairId the chair the device was at when it went offline, {@code null} when it was configured for none
     * @param cause   what happened, as the alarm message tells it
     * @param since   when the outage began
     */
    record Outage(DeviceId deviceId, ChairId chairId, String cause, Instant since) {
    }

    /** Every device offline now. */
    Collection<Outage> all();

    /** The devices offline now at {@code chair}. */
    default Collection<Outage> at(ChairId chair) {
        return all().stream().filter(outage -> chair.equals(outage.chairId())).toList();
    }

    /** The device's outage, empty while it sends usable data. */
    default Optional<Outage> of(DeviceId device) {
        return all().stream().filter(outage -> device.equals(outage.deviceId())).findFirst();
    }

    /** Records a device's outage, or its new cause or chair. */
    void save(Outage outage);

    /** The device sends usable data again. */
    void remove(DeviceId deviceId);
}
