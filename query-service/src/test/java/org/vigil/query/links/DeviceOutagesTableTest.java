package org.vigil.query.links;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.vigil.core.alarm.DeviceOutages.Outage;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.query.settings.NodePartition;

/**
 * The outages at a chair, as the device-offline decision reads them inside a group of device messages: what the
 * group's transaction saved or removed counts, without writing the group out first.
 */
@DataJpaTest
class DeviceOutagesTableTest {

    private static final Instant SINCE = Instant.parse("2026-03-02T09:00:00Z");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final ChairId OTHER_CHAIR = new ChairId("chair-2");
    private static final DeviceId MONITOR = new DeviceId("monitor-1");
    private static final DeviceId PUMP = new DeviceId("pump-1");
    private static final DeviceId OTHER_MONITOR = new DeviceId("monitor-2");

    @Autowired
    private EntityManager entityManager;
    private DeviceOutagesTable outages;

    @BeforeEach
    void table() {
        outages = new DeviceOutagesTable(entityManager, new NodePartition("", null));
    }

    @AfterEach
    void endUnitOfWork() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    @Test
    void aChairsOutagesAreThoseStoredWithTheUnitOfWorksOwnChangesLaidOverWithoutAFlush() {
        // given
        outages.save(outage(MONITOR, CHAIR));
        entityManager.flush();
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a group of device messages"));

        // when
        outages.save(outage(PUMP, CHAIR));
        outages.remove(MONITOR);
        outages.save(outage(OTHER_MONITOR, OTHER_CHAIR));

        // then
        assertThat(outages.at(CHAIR)).extracting(Outage::deviceId).containsExactly(PUMP);
        assertThat(outages.at(OTHER_CHAIR)).extracting(Outage::deviceId).containsExactly(OTHER_MONITOR);
        assertThat(entityManager.unwrap(Session.class).isDirty()).as("the changes are still unwritten").isTrue();
    }

    @Test
    void aDeviceMovedToAnotherChairInTheUnitOfWorkIsOfflineThereOnly() {
        // given
        outages.save(outage(MONITOR, CHAIR));
        entityManager.flush();
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a group of device messages"));

        // when
        outages.save(outage(MONITOR, OTHER_CHAIR));

        // then
        assertThat(outages.at(CHAIR)).isEmpty();
        assertThat(outages.at(OTHER_CHAIR)).extracting(Outage::deviceId).containsExactly(MONITOR);
    }

    @Test
    void outsideAUnitOfWorkAChairsOutagesIncludeThoseJustSaved() {
        // when
        outages.save(outage(MONITOR, CHAIR));

        // then
        assertThat(outages.at(CHAIR)).extracting(Outage::deviceId).containsExactly(MONITOR);
        assertThat(outages.of(MONITOR)).map(Outage::chairId).contains(CHAIR);
    }

    private static Outage outage(DeviceId device, ChairId chair) {
        return new Outage(device, chair, "silent for 10 s", SINCE);
    }
}
