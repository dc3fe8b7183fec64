package org.vigil.query.sessionrecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DosingStartedEvent;
import org.vigil.core.api.EsketamineDeviceAdministeredEvent;
import org.vigil.core.api.InfusionPrescribedEvent;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationStartedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PatientDischargedEvent;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Vital;
import org.vigil.core.pump.DoseLedger;

/**
 * A finished (or running) session as its own stream tells it, for the exports: who and what, the prescription and
 * the dose the pumps delivered, every vital-sign value, the devices, and each alarm with who responded. Folded from
 * the first event; nothing is decided again.
 */
public final class SessionRecord {

    /** One value of a vital sign, at the device's time when it sent one, else when it was received. */
    public record Reading(Vital vital, double value, DeviceId device, Instant at) {
    }

    /** One alarm from its raise to its end. */
    public record Alarm(AlarmId alarmId, String rule, AlarmPriority priority, AlarmKind kind, String message,
                        Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt, Instant escalatedAt,
                        String escalatedTo, Instant clearedAt) {

        /** How long the alarm waited for someone to acknowledge it, if someone did. */
        public Optional<Duration> timeToAcknowledge() {
            return acknowledgedAt == null ? Optional.empty()
                    : Optional.of(Duration.between(raisedAt, acknowledgedAt));
        }
    }

    private SessionStartedEvent started;
    private InfusionPrescribedEvent prescription;
    private DoseLedger ledger = DoseLedger.empty();
    private Instant doseStartedAt;
    private Instant dosingEndedAt;
    private Instant dischargedAt;
    private Instant endedAt;
    private String endReason;
    private final List<Instant> esketamineDevices = new ArrayList<>();
    private final List<Reading> readings = new ArrayList<>();
    private final Set<DeviceId> monitors = new LinkedHashSet<>();
    private final Set<DeviceId> pumps = new LinkedHashSet<>();
    private final Map<AlarmId, Alarm> alarms = new LinkedHashMap<>();

    /** Folds one event of the session's stream, in stored order; events it does not use are ignored. */
    public void apply(Object event) {
        if (event instanceof SessionStartedEvent e) {
            started = e;
        } else if (event instanceof ObservationsRecordedEvent e) {
            monitors.add(e.deviceId());
            for (Observation o : e.observations()) {
                if (o.available()) {
                    Instant at = e.deviceTimeOf(o);
                    o.vital().ifPresent(v -> readings.add(new Reading(v, o.value(), e.deviceId(),
                            at != null ? at : e.receivedAt())));
                }
            }
        } else if (event instanceof PumpReportRecordedEvent e) {
            pumps.add(e.report().deviceId());
            ledger = ledger.record(e.report());
        } else if (event instanceof InfusionPrescribedEvent e) {
            prescription = e;
        } else if (event instanceof DosingStartedEvent e) {
            doseStartedAt = e.at();
        } else if (event instanceof EsketamineDeviceAdministeredEvent e) {
            esketamineDevices.add(e.at());
        } else if (event instanceof ObservationStartedEvent e) {
            dosingEndedAt = e.dosingEndedAt();
        } else if (event instanceof PatientDischargedEvent e) {
            dischargedAt = e.at();
        } else if (event instanceof SessionEndedEvent e) {
            endedAt = e.endedAt();
            endReason = e.reason();
        } else {
            alarm(event);
        }
    }

    private void alarm(Object event) {
        if (event instanceof AlarmRaisedEvent e) {
            alarms.put(e.alarmId(), new Alarm(e.alarmId(), e.rule(), e.priority(), e.kind(), e.message(),
                    e.raisedAt(), null, null, null, null, null));
        } else if (event instanceof AlarmAcknowledgedEvent e) {
            alarms.computeIfPresent(e.alarmId(), (id, a) -> a.acknowledgedAt() != null ? a
                    : new Alarm(id, a.rule(), a.priority(), a.kind(), a.message(), a.raisedAt(), e.user(), e.at(),
                    a.escalatedAt(), a.escalatedTo(), a.clearedAt()));
        } else if (event instanceof AlarmEscalatedEvent e) {
            alarms.computeIfPresent(e.alarmId(), (id, a) -> new Alarm(id, a.rule(), a.priority(), a.kind(),
                    a.message(), a.raisedAt(), a.acknowledgedBy(), a.acknowledgedAt(), e.at(), e.to(),
                    a.clearedAt()));
        } else if (event instanceof AlarmClearedEvent e) {
            alarms.computeIfPresent(e.alarmId(), (id, a) -> new Alarm(id, a.rule(), a.priority(), a.kind(),
                    a.message(), a.raisedAt(), a.acknowledgedBy(), a.acknowledgedAt(), a.escalatedAt(),
                    a.escalatedTo(), e.at()));
        }
    }

    public SessionStartedEvent started() {
        return started;
    }

    public Optional<InfusionPrescribedEvent> prescription() {
        return Optional.ofNullable(prescription);
    }

    /** Milligrams the pumps delivered, volume without a reported concentration priced at the prescription's. */
    public double deliveredMg() {
        return ledger.deliveredMg(prescription == null ? null : prescription.concentrationMgPerMl());
    }

    public Instant doseStartedAt() {
        return doseStartedAt;
    }

    public Instant dosingEndedAt() {
        return dosingEndedAt;
    }

    public Instant dischargedAt() {
        return dischargedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String endReason() {
        return endReason;
    }

    public List<Instant> esketamineDevices() {
        return List.copyOf(esketamineDevices);
    }

    /** Every available value of a known vital sign, in stored order. */
    public List<Reading> readings() {
        return List.copyOf(readings);
    }

    public Set<DeviceId> monitors() {
        return Set.copyOf(monitors);
    }

    public Set<DeviceId> pumps() {
        return Set.copyOf(pumps);
    }

    public List<Alarm> alarms() {
        return List.copyOf(alarms.values());
    }
}
