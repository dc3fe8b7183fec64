package org.vigil.query.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.ProtocolRef;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.Vital;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.RunningVigil;

/**
 * Writes a clinic's history straight through the storage engine, not in real time: {@value #CHAIRS} chairs, each
 * with a monitor sending heart rate, pulse, SpO2 and respiratory rate every second and a blood pressure every five
 * minutes, sessions of three hours one after the other, a MEDIUM alarm acknowledged and cleared in every session
 * and a HIGH one in every tenth, and the monitor's connection on its own stream each day. The last session at
 * every chair is left running, three hours in: it starts through the command side, as a nurse's check-in does,
 * so the command side knows it runs; its messages are then written like the rest.
 */
final class ClinicHistory {

    static final int CHAIRS = 12;
    static final Duration SESSION = Duration.ofHours(3);
    private static final Duration MESSAGE_EVERY = Duration.ofSeconds(1);
    private static final Duration BLOOD_PRESSURE_EVERY = Duration.ofMinutes(5);
    private static final int BATCH = 2_000;

    private final EventStorageEngine storage;
    private final TransactionManager transactions;
    private final ProtocolRef protocol;
    private final List<EventMessage<?>> batch = new ArrayList<>(BATCH);
    private final Map<Integer, Long> deviceSequences = new HashMap<>();
    private long written;

    private ClinicHistory(RunningVigil vigil) {
        this.storage = vigil.context().getBean(EventStorageEngine.class);
        this.transactions = vigil.context().getBean(TransactionManager.class);
        this.protocol = vigil.context().getBean(ClinicProtocol.class).ref();
    }

    /** The chairs of the generated clinic, as command-line properties. */
    static List<String> chairs() {
        List<String> chairs = new ArrayList<>();
        for (int c = 1; c <= CHAIRS; c++) {
            chairs.add("--vigil.chairs[" + (c - 1) + "]=" + chair(c).value());
        }
        return chairs;
    }

    /**
     * Writes about {@code events} events ending at {@code now}, the running sessions' last three hours included.
     *
     * @return how many were written
     */
    static long write(RunningVigil vigil, long events, Instant now) {
        ClinicHistory history = new ClinicHistory(vigil);
        long perSession = SESSION.dividedBy(MESSAGE_EVERY) + 8;
        long endedSessions = Math.max(0, (events - CHAIRS * perSession) / perSession);
        long rounds = (endedSessions + CHAIRS - 1) / CHAIRS;
        Instant firstStart = now.minus(SESSION.multipliedBy(rounds + 1));
        long session = 0;
        for (long round = 0; round < rounds; round++) {
            Instant start = firstStart.plus(SESSION.multipliedBy(round));
            for (int c = 1; c <= CHAIRS && session < endedSessions; c++, session++) {
                history.connected(c, start);
                history.session(new SessionId("bench-" + session), c, start, session, true);
            }
        }
        Instant runningSince = now.minus(SESSION);
        for (int c = 1; c <= CHAIRS; c++, session++) {
            SessionId running = new SessionId("bench-" + session);
            vigil.command(new StartSessionCommand(running, chair(c), "P-" + session, 72.5, 44,
                    Treatment.IV_KETAMINE, new BaselineVitals(120, 80, 72, 97), history.protocol, runningSince));
            history.session(running, c, runningSince, session, false);
        }
        history.flush();
        return history.written + CHAIRS;
    }

    private void session(SessionId id, int c, Instant start, long number, boolean ends) {
        ChairId chair = chair(c);
        DeviceId monitor = monitor(c);
        long sequence = 0;
        if (ends) {
            append(id, sequence++, new SessionStartedEvent(id, chair, "P-" + number, 72.5, 44,
                    Treatment.IV_KETAMINE, new BaselineVitals(120, 80, 72, 97), protocol, start), start);
        } else {
            sequence++;
        }
        long messages = SESSION.dividedBy(MESSAGE_EVERY);
        long bloodPressureEvery = BLOOD_PRESSURE_EVERY.dividedBy(MESSAGE_EVERY);
        for (long m = 0; m < messages; m++) {
            Instant at = start.plus(MESSAGE_EVERY.multipliedBy(m + 1));
            append(id, sequence++, new ObservationsRecordedEvent(id, chair, monitor,
                    new MessageKey(monitor.value(), id.value() + "-" + m), at, at,
                    observations(m, m % bloodPressureEvery == 0, at)), at);
            if (m == messages / 3) {
                sequence = alarm(id, chair, sequence, AlarmPriority.MEDIUM, "relative-surge", at);
            }
            if (m == messages / 2 && number % 10 == 0) {
                sequence = alarm(id, chair, sequence, AlarmPriority.HIGH, "severe-hypertension", at);
            }
        }
        if (ends) {
            Instant end = start.plus(SESSION);
            append(id, sequence, new SessionEndedEvent(id, chair, "discharged", end), end);
        }
    }

    private long alarm(SessionId id, ChairId chair, long sequence, AlarmPriority priority, String rule,
                       Instant at) {
        AlarmId alarm = new AlarmId(id.value() + "-" + rule);
        append(id, sequence, new AlarmRaisedEvent(alarm, id, chair, rule, priority, AlarmKind.PHYSIOLOGICAL,
                rule, 168.0, at, at), at);
        append(id, sequence + 1, new AlarmAcknowledgedEvent(alarm, id, chair, "nurse", at.plusSeconds(20)),
                at.plusSeconds(20));
        append(id, sequence + 2, new AlarmClearedEvent(alarm, id, chair, at.plusSeconds(40)), at.plusSeconds(40));
        return sequence + 3;
    }

    private void connected(int c, Instant at) {
        DeviceId monitor = monitor(c);
        long sequence = deviceSequences.merge(c, 1L, Long::sum) - 1;
        EventMessage<?> event = new GenericDomainEventMessage<>("Device", monitor.value(), sequence,
                new DeviceConnectedEvent(monitor, chair(c), "HL7 through the MLLP listener", at), Map.of(),
                UUID.randomUUID().toString(), at);
        add(event);
    }

    private static List<Observation> observations(long m, boolean bloodPressure, Instant at) {
        List<Observation> values = new ArrayList<>(7);
        values.add(Observation.of(Vital.HEART_RATE, 68 + m % 9, at));
        values.add(Observation.of(Vital.PULSE_RATE, 68 + m % 9, at));
        values.add(Observation.of(Vital.SPO2, 96 + m % 3, at));
        values.add(Observation.of(Vital.RESPIRATORY_RATE, 14 + m % 4, at));
        if (bloodPressure) {
            values.add(Observation.of(Vital.NIBP_SYSTOLIC, 118 + m % 11, at));
            values.add(Observation.of(Vital.NIBP_DIASTOLIC, 76 + m % 7, at));
            values.add(Observation.of(Vital.NIBP_MEAN, 90 + m % 5, at));
        }
        return values;
    }

    private void append(SessionId session, long sequence, Object payload, Instant at) {
        add(new GenericDomainEventMessage<>("Session", session.value(), sequence, payload, Map.of(),
                UUID.randomUUID().toString(), at));
    }

    private void add(EventMessage<?> event) {
        batch.add(event);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<EventMessage<?>> events = List.copyOf(batch);
        transactions.executeInTransaction(() -> storage.appendEvents(events));
        written += events.size();
        batch.clear();
    }

    private static ChairId chair(int c) {
        return new ChairId("chair-" + c);
    }

    private static DeviceId monitor(int c) {
        return new DeviceId(String.format("monitor-%02d", c));
    }
}
