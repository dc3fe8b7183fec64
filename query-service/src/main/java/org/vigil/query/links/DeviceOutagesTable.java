package org.vigil.query.links;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import org.springframework.stereotype.Component;
import org.vigil.core.alarm.DeviceOutages;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;

/**
 * The device-offline decision's outages in a table beside the event store. It is written from the publishing
 * thread, inside the transaction that stores the device event, so it holds exactly what the store holds.
 */
@Component
class DeviceOutagesTable implements DeviceOutages {

    private final EntityManager entityManager;

    DeviceOutagesTable(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Collection<Outage> all() {
        return entityManager.createQuery("select o from DeviceOutageRow o", DeviceOutageRow.class).getResultList()
                .stream()
                .map(row -> new Outage(new DeviceId(row.deviceId()),
                        row.chairId() == null ? null : new ChairId(row.chairId()), row.cause(), row.since()))
                .toList();
    }

    @Override
    public void save(Outage outage) {
        entityManager.merge(new DeviceOutageRow(outage.deviceId().value(),
                outage.chairId() == null ? null : outage.chairId().value(), outage.cause(), outage.since()));
    }

    @Override
    public void remove(DeviceId deviceId) {
        DeviceOutageRow row = entityManager.find(DeviceOutageRow.class, deviceId.value());
        if (row != null) {
            entityManager.remove(row);
        }
    }
}
