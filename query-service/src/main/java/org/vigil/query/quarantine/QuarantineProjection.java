package org.vigil.query.quarantine;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import org.vigil.core.api.DeviceReportQuarantinedEvent;
import org.vigil.query.support.ProcessingGroups;

/**
 * The quarantined messages, persisted ({@link QuarantineRow}) and fed by the devices' tracking processor
 * {@value ProcessingGroups#DEVICES}: how many there are and the latest of them.
 */
@Component
@ProcessingGroup(ProcessingGroups.DEVICES)
public class QuarantineProjection {

    private final EntityManager entityManager;

    QuarantineProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** How many messages were quarantined. */
    public long count() {
        return entityManager.createQuery("select count(q) from QuarantineRow q", Long.class).getSingleResult();
    }

    /** The latest quarantined messages, newest first. */
    public List<QuarantinedSender> latest(int limit) {
        return entityManager.createQuery("select q from QuarantineRow q order by q.receivedAt desc", QuarantineRow.class)
                .setMaxResults(limit)
                .getResultList().stream().map(QuarantineRow::view).toList();
    }

    @EventHandler
    void on(DeviceReportQuarantinedEvent event) {
        if (entityManager.find(QuarantineRow.class, event.quarantineId()) == null) {
            entityManager.persist(new QuarantineRow(event));
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createQuery("delete from QuarantineRow").executeUpdate();
    }
}
