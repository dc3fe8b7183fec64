package org.vigil.core.alarm;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.vigil.core.alarm.ChairSupervision.OfflineAlarm;
import org.vigil.core.alarm.DeviceOutages.Outage;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceRecoveredEvent;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;

/**
 * What the device-offline rule knows of every chair: the session running there, the devices that are offline,
 * and the session's device-offline alarm, all folded from recorded events and nothing else. After a restart it is
 * restored from the running sessions and the outages known then ({@link #restore}), and the running sessions' own
 * events are folded again for their alarms. Folding an event twice changes nothing.
 */
final class SupervisedChairs {

    /** The events this state is folded from. */
    static final Set<Class<?>> FOLDED = Set.of(SessionStartedEvent.class, SessionEndedEvent.class,
            DeviceConnectedEvent.class, DeviceDisconnectedEvent.class, DeviceSilentEvent.class,
            DeviceRecoveredEvent.class, AlarmRaisedEvent.class, AlarmConditionEndedEvent.class,
            AlarmClearedEvent.class);

    private final Map<ChairId, SessionId> sessions = new HashMap<>();
    private final Map<DeviceId, Tracked> offline = new LinkedHashMap<>();
    /** The devices of {@link #offline} by the chair they are offline at, so that a chair's are found at once. */
    private final Map<ChairId, Set<DeviceId>> offlineByChair = new HashMap<>();
    private final Map<SessionId, OfflineAlarm> alarms = new HashMap<>();

    /**
     * Folds one event.
     *
     * @return the chairs the event concerns, for which the rule must decide again. They do not depend on whether
     *         the event was folded before: a rebuild may already have read the event being handled, because the
     *         store appends an event before the subscribing processor handles it.
     */
    synchronized Set<ChairId> apply(Object event) {
        if (event instanceof SessionStartedEvent started) {
            sessions.put(started.chairId(), started.sessionId());
            return chairs(started.chairId());
        }
        if (event instanceof SessionEndedEvent ended) {
            sessions.remove(ended.chairId(), ended.sessionId());
            alarms.remove(ended.sessionId());
        } else if (event instanceof DeviceDisconnectedEvent disconnected) {
            return wentOffline(disconnected.chairId(), OfflineDevice.disconnected(disconnected));
        } else if (event instanceof DeviceSilentEvent silent) {
            return wentOffline(silent.chairId(), OfflineDevice.silent(silent));
        } else if (event instanceof DeviceRecoveredEvent recovered) {
            Tracked was = untrack(recovered.deviceId());
            return chairs(was == null ? null : was.chair(), recovered.chairId());
        } else if (event instanceof DeviceConnectedEvent connected) {
            return moved(connected.deviceId(), connected.chairId());
        } else if (event instanceof AlarmRaisedEvent raised && DeviceOfflineRule.NAME.equals(raised.rule())) {
            OfflineAlarm known = alarms.get(raised.sessionId());
            if (known == null || !known.alarmId().equals(raised.alarmId())) {
                alarms.put(raised.sessionId(), new OfflineAlarm(raised.alarmId(), deviceIdsAt(raised.chairId())));
            }
        } else if (event instanceof AlarmConditionEndedEvent conditionEnded) {
            ended(conditionEnded.sessionId(), conditionEnded.alarmId());
        } else if (event instanceof AlarmClearedEvent cleared) {
            ended(cleared.sessionId(), cleared.alarmId());
        }
        return Set.of();
    }

    /**
     * An independent copy of what is known of the chairs named and of the device named, to decide on with an event
     * that may yet roll back: their sessions, the device's outage and every outage at those chairs, and the
     * device-offline alarms of the sessions named and of those running at the chairs. Nothing else is copied, so a
     * decision costs the same in a clinic of any size; the copy answers only for what it was given.
     */
    synchronized SupervisedChairs copyFor(Set<ChairId> chairsNamed, DeviceId device, Set<SessionId> sessionsNamed) {
        SupervisedChairs copy = new SupervisedChairs();
        Set<SessionId> withAlarms = new LinkedHashSet<>(sessionsNamed);
        if (device != null && offline.containsKey(device)) {
            copy.put(device, offline.get(device));
        }
        for (ChairId chair : chairsNamed) {
            SessionId session = sessions.get(chair);
            if (session != null) {
                copy.sessions.put(chair, session);
                withAlarms.add(session);
            }
            for (DeviceId there : offlineByChair.getOrDefault(chair, Set.of())) {
                copy.put(there, offline.get(there));
            }
        }
        for (SessionId session : withAlarms) {
            OfflineAlarm alarm = alarms.get(session);
            if (alarm != null) {
                copy.alarms.put(session, alarm);
            }
        }
        return copy;
    }

    synchronized void clear() {
        sessions.clear();
        offline.clear();
        offlineByChair.clear();
        alarms.clear();
    }

    /** Starts from the sessions running and the devices offline now, as after a restart. */
    synchronized void restore(Map<ChairId, SessionId> running, Collection<Outage> outages) {
        sessions.putAll(running);
        outages.forEach(this::track);
    }

    /**
     * Takes the chair's running session and its outages as the store holds them now, which may be ahead of what
     * was folded here: another unit of work committed them and its commit has not been folded yet. Its alarm stays
     * as folded.
     */
    synchronized void refresh(ChairId chair, Optional<SessionId> session, Collection<Outage> outagesThere) {
        session.ifPresentOrElse(running -> sessions.put(chair, running), () -> sessions.remove(chair));
        List.copyOf(offlineByChair.getOrDefault(chair, Set.of())).forEach(this::untrack);
        outagesThere.forEach(this::track);
    }

    /** Takes the device's outage as the store holds it now, as {@link #refresh(ChairId, Optional, Collection)}. */
    synchronized void refresh(DeviceId device, Optional<Outage> outage) {
        outage.ifPresentOrElse(this::track, () -> untrack(device));
    }

    private void track(Outage outage) {
        put(outage.deviceId(), new Tracked(outage.chairId(),
                new OfflineDevice(outage.deviceId(), outage.cause(), outage.since())));
    }

    /** Records the device offline at the tracked chair, and indexes it there (and no longer where it was). */
    private void put(DeviceId device, Tracked tracked) {
        Tracked was = offline.put(device, tracked);
        if (was != null && !Objects.equals(was.chair(), tracked.chair())) {
            unindex(device, was.chair());
        }
        if (tracked.chair() != null) {
            offlineByChair.computeIfAbsent(tracked.chair(), chair -> new LinkedHashSet<>()).add(device);
        }
    }

    /** The device is no longer offline: forgets it and its place in the index. */
    private Tracked untrack(DeviceId device) {
        Tracked was = offline.remove(device);
        if (was != null) {
            unindex(device, was.chair());
        }
        return was;
    }

    private void unindex(DeviceId device, ChairId chair) {
        if (chair == null) {
            return;
        }
        Set<DeviceId> there = offlineByChair.get(chair);
        if (there != null && there.remove(device) && there.isEmpty()) {
            offlineByChair.remove(chair);
        }
    }

    /** The device's outage as now known, empty while it sends usable data. */
    synchronized Optional<Outage> outage(DeviceId device) {
        return Optional.ofNullable(offline.get(device)).map(tracked -> new Outage(device, tracked.chair(),
                tracked.device().cause(), tracked.device().since()));
    }

    synchronized ChairSupervision situation(ChairId chair) {
        SessionId session = sessions.get(chair);
        return new ChairSupervision(session, offlineAt(chair).map(Tracked::device).toList(),
                session == null ? null : alarms.get(session));
    }

    private Set<ChairId> wentOffline(ChairId chair, OfflineDevice device) {
        Tracked was = offline.get(device.deviceId());
        OfflineDevice outage = was == null ? device : was.device().because(device);
        put(device.deviceId(), new Tracked(chair, outage));
        return was == null ? chairs(chair) : chairs(was.chair(), chair);
    }

    /** A device reconfigured for another chair takes its outage there. */
    private Set<ChairId> moved(DeviceId deviceId, ChairId chair) {
        Tracked was = offline.get(deviceId);
        if (was == null) {
            return chairs(chair);
        }
        put(deviceId, new Tracked(chair, was.device()));
        return chairs(was.chair(), chair);
    }

    private void ended(SessionId session, AlarmId alarmId) {
        OfflineAlarm alarm = alarms.get(session);
        if (alarm != null && alarm.alarmId().equals(alarmId)) {
            alarms.remove(session);
        }
    }

    private Set<DeviceId> deviceIdsAt(ChairId chair) {
        Set<DeviceId> ids = new LinkedHashSet<>();
        offlineAt(chair).forEach(tracked -> ids.add(tracked.device().deviceId()));
        return ids;
    }

    private Stream<Tracked> offlineAt(ChairId chair) {
        if (chair == null) {
            return Stream.empty();
        }
        return offlineByChair.getOrDefault(chair, Set.of()).stream().map(offline::get);
    }

    /** The chairs named, without the {@code null} of a device configured for no chair. */
    private static Set<ChairId> chairs(ChairId... chairs) {
        Set<ChairId> named = new LinkedHashSet<>();
        for (ChairId chair : chairs) {
            if (chair != null) {
                named.add(chair);
            }
        }
        return named;
    }

    private record Tracked(ChairId chair, OfflineDevice device) {
    }
}
