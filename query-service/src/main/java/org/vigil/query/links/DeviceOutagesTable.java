package org.vigil.query.links;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import org.vigil.core.alarm.DeviceOutages;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.query.settings.NodePartition;

/**
 * The device-offline decision's outages in a table beside the event store. It is written from the publishing
 * thread, inside the transaction that stores the device event, so it holds exactly what the store holds. A node of a
 * partition ({@link NodePartition}) restores only the outages at its own chairs.
 *
 * <p>The outages at a chair are read for every device event, often in a group of many device messages stored in one
 * transaction. A query would first make Hibernate check every entity the transaction holds for changes (its flush
 * before a query), once per device event of the group; so the table is queried as committed, and the outages this
 * transaction saved or removed, which it keeps aside, are laid over the rows read.
 */
@Component
class DeviceOutagesTable implements DeviceOutages {

    private static final String CHANGED = DeviceOutagesTable.class.getName() + ".changed";

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
        Map<DeviceId, Optional<Outage>> changed = changedInThisTransaction();
        List<Outage> there = new ArrayList<>();
        entityManager.createQuery("select o from DeviceOutageRow o where o.chairId = :chair", DeviceOutageRow.class)
                .setParameter("chair", chair.value())
                .setFlushMode(changed == null ? FlushModeType.AUTO : FlushModeType.COMMIT)
                .getResultList().stream().map(DeviceOutagesTable::outage)
                .filter(outage -> changed == null || !changed.containsKey(outage.deviceId()))
                .forEach(there::add);
        if (changed != null) {
            changed.values().stream().flatMap(Optional::stream)
                    .filter(outage -> Objects.equals(chair, outage.chairId())).forEach(there::add);
        }
        return there;
    }

    /**
     * The outages saved ({@code Optional.of}) or removed ({@code Optional.empty()}) in the transaction of the
     * current unit of work; {@code null} outside one, when a query must see the changes through a flush.
     */
    private static Map<DeviceId, Optional<Outage>> changedInThisTransaction() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(CHANGED, key -> new HashMap<>());
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
        Map<DeviceId, Optional<Outage>> changed = changedInThisTransaction();
        if (changed != null) {
            changed.put(outage.deviceId(), Optional.of(outage));
        }
    }

    @Override
    public void remove(DeviceId deviceId) {
        DeviceOutageRow row = entityManager.find(DeviceOutageRow.class, deviceId.value());
        if (row != null) {
            entityManager.remove(row);
        }
        Map<DeviceId, Optional<Outage>> changed = changedInThisTransaction();
        if (changed != null) {
            changed.put(deviceId, Optional.empty());
        }
    }
}
