package org.vigil.query.influx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.protocol.AlarmThresholds;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.support.ProcessingGroups;

/**
 * Writes the event store's vital signs, session starts and ends, and alarm state changes to InfluxDB, for
 * Grafana (docs/DESIGN.md: "tracking processors: read models, InfluxDB writer").
 *
 * <p>It runs in the tracking processor {@value #GROUP}, away from the path a nurse waits on: ingest, alarm
 * decisions and the live page never wait for InfluxDB. The points of one batch of events are written in one
 * request just before the batch's token is stored, in the same unit of work: when InfluxDB does not take them,
 * the token stays where it was and the processor retries the batch with a growing pause, then catches up.
 * Every point's identity comes from its event, so a batch written twice, or a replay from the first event,
 * overwrites the same points and adds none.
 */
@ProcessingGroup(InfluxProjection.GROUP)
class InfluxProjection {

    static final String GROUP = ProcessingGroups.INFLUX;

    private static final String PENDING = InfluxProjection.class.getName() + ".pending";

    private final InfluxWriter writer;
    private final RaisedAlarms raisedAlarms;
    private final ClinicProtocol protocol;

    InfluxProjection(InfluxWriter writer, RaisedAlarms raisedAlarms, ClinicProtocol protocol) {
        this.writer = writer;
        this.raisedAlarms = raisedAlarms;
        this.protocol = protocol;
    }

    @EventHandler
    void on(ObservationsRecordedEvent event, @Timestamp Instant recordedAt) {
        write(ObservationPoints.of(event, recordedAt));
    }

    @EventHandler
    void on(PumpReportRecordedEvent event) {
        write(List.of(PumpPoints.of(event.report(), event.chairId(), event.sessionId())));
    }

    @EventHandler
    void on(SessionStartedEvent event) {
        Optional<AlarmThresholds> limits = protocol.ref().equals(event.protocol())
                ? Optional.of(protocol.alarms()) : Optional.empty();
        write(List.of(SessionPoints.started(event, limits)));
    }

    @EventHandler
    void on(SessionEndedEvent event) {
        write(List.of(SessionPoints.ended(event)));
    }

    @EventHandler
    void on(AlarmRaisedEvent event) {
        raisedAlarms.remember(event);
        write(List.of(AlarmPoints.raised(event)));
    }

    @EventHandler
    void on(AlarmAcknowledgedEvent event) {
        write(List.of(AlarmPoints.acknowledged(event, raisedAlarms.raise(event.sessionId(), event.alarmId()))));
    }

    @EventHandler
    void on(AlarmConditionEndedEvent event) {
        write(List.of(AlarmPoints.conditionEnded(event, raisedAlarms.raise(event.sessionId(), event.alarmId()))));
    }

    @EventHandler
    void on(AlarmClearedEvent event) {
        write(List.of(AlarmPoints.cleared(event, raisedAlarms.raise(event.sessionId(), event.alarmId()))));
        raisedAlarms.forget(event.alarmId());
    }

    /** Adds the points to the batch's pending write, made once when the batch's unit of work prepares to commit. */
    private void write(List<InfluxPoint> points) {
        if (!CurrentUnitOfWork.isStarted()) {
            writer.write(points);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<InfluxPoint> pending = unitOfWork.getOrComputeResource(PENDING, key -> {
            List<InfluxPoint> batch = new ArrayList<>();
            unitOfWork.onPrepareCommit(uow -> writer.write(batch));
            return batch;
        });
        pending.addAll(points);
    }
}
