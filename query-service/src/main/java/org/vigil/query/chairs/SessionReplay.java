package org.vigil.query.chairs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.ChairView;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceRecoveredEvent;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.live.LiveStream;
import org.vigil.query.settings.DeviceBindings;

/**
 * One session's chair, replayable to any moment: the session's events and the link events of the devices at its
 * chair, read once, kept in stored-time order and folded by a {@link ChairsProjection} of its own — the very fold of
 * the live view, pushing to no screen. Every {@value #CHECKPOINT_EVERY} events the fold is kept (its state never
 * changes in place, so keeping it costs a reference), and a moment is answered from the checkpoint before it plus
 * fewer than {@value #CHECKPOINT_EVERY} events. Streams are read on from where they were left when a moment after
 * their last event is asked for, so a running session can be replayed too. Not thread-safe: {@link ChairReplay}
 * serialises the calls on one session.
 */
final class SessionReplay {

    static final int CHECKPOINT_EVERY = 200;
    private static final Set<Class<?>> LINK_EVENTS = Set.of(DeviceConnectedEvent.class,
            DeviceDisconnectedEvent.class, DeviceSilentEvent.class, DeviceRecoveredEvent.class);
    /** The fold reads no clock while it folds (it pushes to no screen); the view is made at the moment asked for. */
    private static final Clock NEVER_READ = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    private static final Comparator<DomainEventMessage<?>> STORED_ORDER =
            Comparator.comparing(DomainEventMessage::getTimestamp);

    private final EventStore eventStore;
    private final ChairsProjection chairs;
    private final AnnotationEventHandlerAdapter fold;
    private final Stream session;
    private final Map<DeviceId, Stream> devices = new LinkedHashMap<>();
    private final List<DomainEventMessage<?>> events = new ArrayList<>();
    /** The fold after the first {@code i * CHECKPOINT_EVERY} events, at index {@code i}. */
    private final List<ChairsProjection.ChairFold> checkpoints = new ArrayList<>();
    private ChairId chair;
    private Instant startedAt;

    SessionReplay(SessionId session, EventStore eventStore, DeviceBindings bindings, ClinicProtocol protocol) {
        this.eventStore = eventStore;
        this.session = new Stream(session.value(), false);
        this.chairs = new ChairsProjection(bindings, new LiveStream(), protocol, NEVER_READ);
        this.fold = new AnnotationEventHandlerAdapter(chairs);
        List<DomainEventMessage<?>> first = this.session.readOn();
        first.stream().filter(e -> e.getPayload() instanceof SessionStartedEvent).findFirst().ifPresent(started -> {
            chair = ((SessionStartedEvent) started.getPayload()).chairId();
            startedAt = started.getTimestamp();
            bindings.devicesAt(chair).forEach(device -> devices.put(device, new Stream(device.value(), true)));
        });
        List<DomainEventMessage<?>> all = new ArrayList<>(first);
        devices.values().forEach(device -> all.addAll(device.readOn()));
        add(all);
    }

    /** Whether the session had started when its stream was first read: only then is it worth keeping. */
    boolean started() {
        return chair != null;
    }

    /** The chair as {@code GET /api/chairs} showed it at {@code at}; empty when the session had not started then. */
    Optional<ChairView> at(Instant at) {
        if (chair == null || at.isBefore(startedAt)) {
            return Optional.empty();
        }
        readOnPast(at);
        int end = countUpTo(at);
        int checkpoint = Math.min(end / CHECKPOINT_EVERY, checkpoints.size() - 1);
        chairs.resume(checkpoints.get(checkpoint));
        for (int i = checkpoint * CHECKPOINT_EVERY; i < end; i++) {
            handle(events.get(i));
            if ((i + 1) % CHECKPOINT_EVERY == 0 && checkpoints.size() == (i + 1) / CHECKPOINT_EVERY) {
                checkpoints.add(chairs.fold(chair));
            }
        }
        return Optional.of(chairs.chairAt(chair, at));
    }

    /** Reads on the streams whose last event is not after {@code at}: only they may hold more events up to it. */
    private void readOnPast(Instant at) {
        List<DomainEventMessage<?>> more = new ArrayList<>();
        if (session.mayHaveMoreUpTo(at)) {
            more.addAll(session.readOn());
        }
        devices.values().stream().filter(device -> device.mayHaveMoreUpTo(at))
                .forEach(device -> more.addAll(device.readOn()));
        add(more);
    }

    /** Adds events in stored-time order; checkpoints after the first one placed before an older event are dropped. */
    private void add(List<DomainEventMessage<?>> more) {
        if (more.isEmpty() && !checkpoints.isEmpty()) {
            return;
        }
        more.sort(STORED_ORDER);
        int firstChanged = events.size();
        for (DomainEventMessage<?> event : more) {
            int at = countUpTo(event.getTimestamp());
            firstChanged = Math.min(firstChanged, at);
            events.add(at, event);
        }
        int kept = firstChanged / CHECKPOINT_EVERY + 1;
        while (checkpoints.size() > kept) {
            checkpoints.remove(checkpoints.size() - 1);
        }
        if (checkpoints.isEmpty() && chair != null) {
            checkpoints.add(chairs.freeFold(chair));
        }
    }

    /** How many events were stored at or before {@code at}. */
    private int countUpTo(Instant at) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (events.get(middle).getTimestamp().isAfter(at)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private void handle(DomainEventMessage<?> event) {
        try {
            if (fold.canHandle(event)) {
                fold.handle(event);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot replay event " + event.getIdentifier() + " of "
                    + event.getAggregateIdentifier(), e);
        }
    }

    /** One stream as far as it was read: a session's whole stream, or a device's link events. */
    private final class Stream {

        private final String aggregate;
        private final boolean linksOnly;
        private long nextSequence;
        private Instant last = Instant.MIN;

        Stream(String aggregate, boolean linksOnly) {
            this.aggregate = aggregate;
            this.linksOnly = linksOnly;
        }

        boolean mayHaveMoreUpTo(Instant at) {
            return !last.isAfter(at);
        }

        List<DomainEventMessage<?>> readOn() {
            List<DomainEventMessage<?>> read = new ArrayList<>();
            DomainEventStream stream = eventStore.readEvents(aggregate, nextSequence);
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                nextSequence = event.getSequenceNumber() + 1;
                last = event.getTimestamp();
                if (!linksOnly || LINK_EVENTS.contains(event.getPayloadType())) {
                    event.getPayload();
                    read.add(event);
                }
            }
            return read;
        }
    }
}
