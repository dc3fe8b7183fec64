package org.vigil.query.readmodels;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nonnull;
import javax.annotation.Nullable;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;

/**
 * The read models' handlers as their processor calls them: which read models handle an event is decided once per
 * payload type, not again for every event. Axon's own invoker over several processing groups asks every group, for
 * every event, whether it takes part in replays and whether one of its handlers accepts the event — twice, once to
 * choose the batch's events and once to handle each — and on a full rebuild that asking cost about a third of the
 * processor's time, more than the handlers' own work.
 * <p>
 * The decision depends only on what Vigil's read-model handlers look at: the payload's type and whether the event
 * belongs to an aggregate (a {@code @SequenceNumber} parameter needs one). A handler whose acceptance depends on the
 * event's metadata would need the decision made per event again; none does. A segment other than the whole stream
 * still asks each chosen group for its sequencing policy.
 */
final class HandlersByPayloadType implements EventHandlerInvoker {

    private final List<EventHandlerInvoker> groups;
    private final List<EventHandlerInvoker> replayed;
    private final boolean supportsReset;
    /** What was decided for events in an aggregate's stream, by payload type. */
    private final Map<Class<?>, Chosen> inStream = new ConcurrentHashMap<>();
    /** What was decided for events outside any aggregate's stream, by payload type. */
    private final Map<Class<?>, Chosen> outsideStreams = new ConcurrentHashMap<>();

    /** The groups that handle one payload type, and those of them that take part in replays. */
    private record Chosen(List<EventHandlerInvoker> live, List<EventHandlerInvoker> replayed) {
    }

    /** @param invoker the invoker Axon made for the read models' processing groups */
    HandlersByPayloadType(EventHandlerInvoker invoker) {
        this.groups = invoker instanceof MultiEventHandlerInvoker multi ? List.copyOf(multi.delegates())
                : List.of(invoker);
        this.replayed = groups.stream().filter(EventHandlerInvoker::supportsReset).toList();
        this.supportsReset = !replayed.isEmpty();
    }

    @Override
    public boolean canHandle(@Nonnull EventMessage<?> event, @Nonnull Segment segment) {
        List<EventHandlerInvoker> handling = handling(event);
        if (segment.getMask() == Segment.ROOT_SEGMENT.getMask()) {
            return !handling.isEmpty();
        }
        for (EventHandlerInvoker group : handling) {
            if (group.canHandle(event, segment)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean canHandleType(@Nonnull Class<?> payloadType) {
        for (EventHandlerInvoker group : groups) {
            if (group.canHandleType(payloadType)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void handle(@Nonnull EventMessage<?> event, @Nonnull Segment segment) throws Exception {
        for (EventHandlerInvoker group : handling(event)) {
            group.handle(event, segment);
        }
    }

    @Override
    public boolean supportsReset() {
        return supportsReset;
    }

    @Override
    public void performReset() {
        performReset(null);
    }

    @Override
    public <R> void performReset(@Nullable R resetContext) {
        for (EventHandlerInvoker group : replayed) {
            group.performReset(resetContext);
        }
    }

    @Override
    public void segmentReleased(Segment segment) {
        groups.forEach(group -> group.segmentReleased(segment));
    }

    private List<EventHandlerInvoker> handling(EventMessage<?> event) {
        Map<Class<?>, Chosen> decided = event instanceof DomainEventMessage<?> ? inStream : outsideStreams;
        Chosen chosen = decided.computeIfAbsent(event.getPayloadType(), type -> choose(event));
        return ReplayToken.isReplay(event) ? chosen.replayed() : chosen.live();
    }

    /** Asks each group once whether it handles events like {@code event}. */
    private Chosen choose(EventMessage<?> event) {
        List<EventHandlerInvoker> live = groups.stream()
                .filter(group -> group.canHandle(event, Segment.ROOT_SEGMENT)).toList();
        return new Chosen(live, live.stream().filter(replayed::contains).toList());
    }
}
