package org.vigil.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.core.api.AcknowledgeAlarmCommand;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.CheckInPatientCommand;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PreAssessmentRecordedEvent;
import org.vigil.core.api.RaiseAlarmCommand;
import org.vigil.core.api.RecordDeviceObservationsCommand;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.RecordPreAssessmentCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Vital;
import org.vigil.core.device.Device;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.session.Session;
import org.vigil.query.RunningVigil;
import org.vigil.query.ingest.Admission;

/**
 * Sessions and devices are snapshotted in the running application every {@code vigil.snapshot-threshold} events,
 * and loaded after a restart from the latest snapshot and the events after it; a snapshot of another aggregate
 * revision is ignored.
 */
class SnapshotsIT {

    private static final int THRESHOLD = 20;
    private static final int MESSAGES = 50;
    /** Messages carry fixed times, so that one sent again after the restart is the same message: a resend. */
    private static final Instant MESSAGES_FROM = Instant.now().minusSeconds(600);
    private static final DeviceId OXIMETER = new DeviceId("oximeter-loose");
    private static final DeviceId MONITOR = new DeviceId("monitor-1");
    private static final AlarmId OCCLUSION = new AlarmId("occlusion-1");

    @TempDir
    Path data;

    @Test
    void aRestartLoadsTheSessionAndTheDeviceFromTheirSnapshotsAndTheEventsAfterThem() {
        // given a checked-in session with an alarm, and a device without chair, each with more messages than the
        // threshold
        SessionId session;
        try (RunningVigil vigil = start()) {
            session = vigil.startSession("chair-1", 120, 80);
            Instant now = Instant.now();
            vigil.command(new CheckInPatientCommand(session,
                    vigil.context().getBean(ClinicProtocol.class).workflowRules(), "nurse", now));
            vigil.command(new RaiseAlarmCommand(session, OCCLUSION, "pump-occlusion", AlarmPriority.HIGH,
                    AlarmKind.TECHNICAL, "pump-1: occlusion downstream", null, now, now));
            for (int i = 1; i <= MESSAGES; i++) {
                assertThat(vigil.<Object>command(new RecordObservationsCommand(session, vitals("S-" + i, i))))
                        .isEqualTo(Admission.NEW);
                assertThat(vigil.<Object>command(new RecordDeviceObservationsCommand(OXIMETER, null,
                        spo2("D-" + i, i)))).isEqualTo(Admission.NEW);
            }

            // then the snapshot table holds one snapshot of each, the latest, fewer than the threshold from the end
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(snapshotRows(vigil))
                        .anySatisfy(row -> assertSnapshot(row, "Session", session.value(), "4"))
                        .anySatisfy(row -> assertSnapshot(row, "Device", OXIMETER.value(), "2"))
                        .hasSize(2);
                assertLatestSnapshotTaken(vigil, session.value());
                assertLatestSnapshotTaken(vigil, OXIMETER.value());
            });
        }

        // when Vigil starts again on the same store
        try (RunningVigil vigil = start()) {
            // then loading either reads its snapshot and fewer events than the threshold
            assertLoadsFromSnapshot(vigil, session.value(), Session.class);
            assertLoadsFromSnapshot(vigil, OXIMETER.value(), Device.class);

            // and records new messages; resends of messages older than the snapshot are recognised (by the ingest's
            // duplicate check, before the aggregate)
            assertThat(vigil.<Object>command(new RecordObservationsCommand(session, vitals("S-3", 3))))
                    .isEqualTo(Admission.DUPLICATE);
            assertThat(vigil.<Object>command(new RecordDeviceObservationsCommand(OXIMETER, null, spo2("D-3", 3))))
                    .isEqualTo(Admission.DUPLICATE);
            assertThat(vigil.<Object>command(new RecordObservationsCommand(session, vitals("S-51", 51))))
                    .isEqualTo(Admission.NEW);
            assertThat(vigil.<Object>command(new RecordDeviceObservationsCommand(OXIMETER, null,
                    spo2("D-51", 51)))).isEqualTo(Admission.NEW);
            assertThat(vigil.stored(ObservationsRecordedEvent.class)).hasSize(2 * (MESSAGES + 1));

            // and knows the alarm raised and the workflow step taken before the snapshot
            Instant now = Instant.now();
            vigil.command(new AcknowledgeAlarmCommand(session, OCCLUSION, "nurse", now));
            vigil.command(new RecordPreAssessmentCommand(session, 72.0, new BaselineVitals(122, 80, 70, 98),
                    Set.of(), true, "partner drives", "nurse", now));
            assertThat(vigil.stored(AlarmAcknowledgedEvent.class)).extracting(stored -> stored.payload().alarmId())
                    .containsExactly(OCCLUSION);
            assertThat(vigil.stored(PreAssessmentRecordedEvent.class)).hasSize(1);
        }
    }

    @Test
    void aSnapshotOfAnotherAggregateRevisionIsIgnoredAndTheDeviceLoadedFromItsEvents() {
        // given a device whose latest snapshot was written by an aggregate of an older shape, that knew no message
        try (RunningVigil vigil = start()) {
            for (int i = 1; i <= 30; i++) {
                vigil.command(new RecordDeviceObservationsCommand(OXIMETER, null, spo2("D-" + i, i)));
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(snapshotRows(vigil)).hasSize(1));
            ObjectNode olderShape = new ObjectMapper().createObjectNode().put("deviceId", OXIMETER.value());
            olderShape.putArray("recentMessageKeys");
            vigil.context().getBean(TransactionManager.class).executeInTransaction(() ->
                    vigil.context().getBean(EventStorageEngine.class).storeSnapshot(new AsStored("Device",
                            OXIMETER.value(), 29, Device.class.getName(), null, olderShape)));
            assertThat(snapshotRows(vigil)).singleElement()
                    .satisfies(row -> assertThat(row.get("payload_revision")).isNull());
        }

        // when Vigil starts again on the same store
        try (RunningVigil vigil = start()) {
            // then the device is loaded from all its events, and a resend of its third message is recognised
            DomainEventStream stream = vigil.context().getBean(EventStore.class).readEvents(OXIMETER.value());
            assertThat(stream.peek().getSequenceNumber()).isZero();
            assertThat(stream.peek().getPayload()).isInstanceOf(ObservationsRecordedEvent.class);
            assertThat(vigil.<Object>command(new RecordDeviceObservationsCommand(OXIMETER, null,
                    spo2("D-3", 3)))).isEqualTo(Admission.DUPLICATE);
        }
    }

    private RunningVigil start() {
        List<String> properties = new ArrayList<>(RunningVigil.devices("monitor-1=chair-1"));
        properties.add("--vigil.snapshot-threshold=" + THRESHOLD);
        return RunningVigil.startWith(data, properties);
    }

    private static List<Map<String, Object>> snapshotRows(RunningVigil vigil) {
        return new JdbcTemplate(vigil.context().getBean(DataSource.class)).queryForList(
                "select type, aggregate_identifier, sequence_number, payload_type, payload_revision "
                        + "from snapshot_event_entry");
    }

    /** @param revision the {@code @Revision} of the aggregate's class */
    private static void assertSnapshot(Map<String, Object> row, String type, String aggregateId, String revision) {
        assertThat(row.get("type")).isEqualTo(type);
        assertThat(row.get("aggregate_identifier")).isEqualTo(aggregateId);
        assertThat(((Number) row.get("sequence_number")).longValue()).isGreaterThanOrEqualTo(THRESHOLD - 1);
        assertThat(row.get("payload_revision")).isEqualTo(revision);
    }

    /** The events after the snapshot are fewer than the threshold: no snapshot is still to be taken. */
    static void assertLatestSnapshotTaken(RunningVigil vigil, String aggregateId) {
        long last = vigil.context().getBean(EventStore.class).lastSequenceNumberFor(aggregateId).orElseThrow();
        long snapshot = vigil.context().getBean(EventStorageEngine.class).readSnapshot(aggregateId)
                .map(DomainEventMessage::getSequenceNumber).orElse(-1L);
        assertThat(last - snapshot).as("events of " + aggregateId + " after its snapshot").isLessThan(THRESHOLD);
    }

    private static void assertLoadsFromSnapshot(RunningVigil vigil, String aggregateId, Class<?> aggregateType) {
        DomainEventStream stream = vigil.context().getBean(EventStore.class).readEvents(aggregateId);
        DomainEventMessage<?> first = stream.next();
        assertThat(first.getPayload()).as("the first message read to load " + aggregateId)
                .isInstanceOf(aggregateType);
        assertThat(first.getSequenceNumber()).isGreaterThanOrEqualTo(THRESHOLD - 1);
        assertThat(stream.asStream().count()).as("events after the snapshot").isLessThan(THRESHOLD);
    }

    private static DeviceObservations vitals(String controlId, int second) {
        Instant at = MESSAGES_FROM.plusSeconds(second);
        return new DeviceObservations(MONITOR, new MessageKey("GW", controlId), at, at.plusMillis(120),
                List.of(Observation.of(Vital.HEART_RATE, 72, at), Observation.of(Vital.SPO2, 97, at)));
    }

    private static DeviceObservations spo2(String controlId, int second) {
        Instant at = MESSAGES_FROM.plusSeconds(second);
        return new DeviceObservations(OXIMETER, new MessageKey(OXIMETER.value(), controlId), at, at.plusMillis(20),
                List.of(Observation.of(Vital.SPO2, 96, at)));
    }
}
