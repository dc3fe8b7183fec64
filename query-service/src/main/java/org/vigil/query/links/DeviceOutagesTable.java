package org.vigil.query.links;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.vigil.core.alarm.DeviceOutages;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.query.settings.NodePartition;

/**
 * The device-offline decision's outages in a table beside the event store. It is written from the publishing
 * thread, inside the transaction that stores the device event, so it holds exactly what the store holds. A node of a
 * partition ({@link NodePartition}) restores only the outages at its own chairs.
 */
@Component
class DeviceOutagesTable implements DeviceOutages {

    private final EntityManager entityManager;
    private final NodePartition partition;

    DeviceOutagesTable(EntityManager entityManager, NodePartition partition) {
        this.entityManager = entityManager;
        this.partition = partition;
    }

    @Override
    public Collection<Outage> all() {
        return entityManager.createQuery("select o from DeviceOutageRow o", DeviceOutageRow.class).getResultList()
                .stream()
                .filter(row -> row.chairId() == null || partition.owns(new ChairId(row.chairId())))
                .map(DeviceOutagesTable::outage)
                .toList();
    }

    @Override
    public Collection<Outage> at(ChairId chair) {
        if (!partition.owns(chair)) {
            return List.of();
        }
        return entityManager.createQuery("select o from DeviceOutageRow o where o.chairId = :chair",
                        DeviceOutageRow.class).setParameter("chair", chair.value()).getResultList()
                .stream().map(DeviceOutagesTable::outage).toList();
    }

    @Override
    public Optional<Outage> of(DeviceId device) {
        return Optional.ofNullable(entityManager.find(DeviceOutageRow.class, device.value()))
                .filter(row -> row.chairId() == null || partition.owns(new ChairId(row.chairId())))
                .map(DeviceOutagesTable::outage);
    }

    private static Outage outage(DeviceOutageRow row) {
        return new Outage(new DeviceId(row.deviceId()), row.chairId() == null ? null : new ChairId(row.chairId()),
                row.cause(), row.since());
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
