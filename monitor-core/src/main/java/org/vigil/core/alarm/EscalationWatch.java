package org.vigil.core.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.protocol.Escalation;

/**
 * The escalation deadlines of one session, as persistent as its events: each is the raise time of an alarm nobody
 * acknowledged plus the protocol's delay for its priority, and it goes away when the alarm is acknowledged, cleared
 * or escalated. Nothing else is kept, so the deadlines folded from the stored events after a restart are the ones
 * that were pending before it.
 */
final class EscalationWatch implements FoldedSession {

    private final Map<AlarmId, Unacknowledged> open = new LinkedHashMap<>();

    static EscalationWatch started(SessionStartedEvent event) {
        return new EscalationWatch();
    }

    private record Unacknowledged(AlarmPriority priority, Instant raisedAt) {
    }

    @Override
    public synchronized void apply(Object event) {
        if (event instanceof AlarmRaisedEvent raised && raised.raisedAt() != null) {
            open.put(raised.alarmId(), new Unacknowledged(raised.priority(), raised.raisedAt()));
        } else if (event instanceof AlarmAcknowledgedEvent acknowledged) {
            open.remove(acknowledged.alarmId());
        } else if (event instanceof AlarmClearedEvent cleared) {
            open.remove(cleared.alarmId());
        } else if (event instanceof AlarmEscalatedEvent escalated) {
            open.remove(escalated.alarmId());
        }
    }

    /** When the alarm escalates if nobody acknowledges it; empty when it does not (acknowledged, ended, LOW). */
    synchronized Optional<Instant> deadline(AlarmId alarmId, Escalation policy) {
        Unacknowledged alarm = open.get(alarmId);
        return alarm == null ? Optional.empty() : policy.after(alarm.priority()).map(alarm.raisedAt()::plus);
    }

    /** The alarms whose deadline is at or before {@code now}, earliest first. */
    synchronized List<AlarmId> due(Instant now, Escalation policy) {
        List<AlarmId> due = new ArrayList<>();
        open.keySet().forEach(id -> deadline(id, policy).filter(at -> !at.isAfter(now)).ifPresent(at -> due.add(id)));
        return due;
    }

    /** The session refused or ignored the escalation (acknowledged meanwhile): do not ask again. */
    synchronized void forget(AlarmId alarmId) {
        open.remove(alarmId);
    }
}
