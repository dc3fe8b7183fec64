package org.vigil.query.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/**
 * {@link HandlersByPayloadType} calls exactly the handlers Axon's own invoker calls, for events in and out of an
 * aggregate's stream, live and replayed, on the whole stream and on split segments; it only asks fewer times.
 */
class HandlersByPayloadTypeTest {

    private final List<String> calls = new ArrayList<>();

    /** Takes part in replays; its number handler needs an aggregate's stream. */
    class Replayed {

        @EventHandler
        void on(String text) {
            calls.add("replayed text " + text);
        }

        @EventHandler
        void on(Integer number, @SequenceNumber Long sequence) {
            calls.add("replayed number " + number + " at " + sequence);
        }
    }

    /** Never replayed; takes everything. */
    @DisallowReplay
    class LiveOnly {

        @EventHandler
        void on(Object event) {
            calls.add("live " + event);
        }
    }

    /** Handles nothing the test sends. */
    class Unrelated {

        @EventHandler
        void on(Double value) {
            calls.add("unrelated " + value);
        }
    }

    @Test
    void callsTheHandlersAxonsInvokerCallsForEveryKindOfEventAndSegment() throws Exception {
        // given
        MultiEventHandlerInvoker axons = new MultiEventHandlerInvoker(group(new Replayed()), group(new LiveOnly()),
                group(new Unrelated()));
        HandlersByPayloadType ours = new HandlersByPayloadType(axons);
        TrackingToken live = new GlobalSequenceTrackingToken(5);
        TrackingToken replayed = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100),
                new GlobalSequenceTrackingToken(4));
        List<EventMessage<?>> events = new ArrayList<>();
        for (TrackingToken token : List.of(live, replayed)) {
            for (Object payload : List.of("a", 7, "b", 8, 'c')) {
                events.add(new GenericTrackedDomainEventMessage<>(token,
                        new GenericDomainEventMessage<>("Test", "aggregate-" + payload, 3, payload)));
                events.add(new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage(payload)));
            }
        }
        assertThat(ReplayToken.isReplay(replayed)).isTrue();
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        List<Segment> segments = List.of(Segment.ROOT_SEGMENT, halves[0], halves[1]);

        for (Segment segment : segments) {
            for (EventMessage<?> event : events) {
                // when
                calls.clear();
                boolean axonsChoice = axons.canHandle(event, segment);
                axons.handle(event, segment);
                List<String> axonsCalls = List.copyOf(calls);
                calls.clear();
                boolean ourChoice = ours.canHandle(event, segment);
                ours.handle(event, segment);

                // then
                assertThat(ourChoice).as("%s on %s", event, segment).isEqualTo(axonsChoice);
                assertThat(calls).as("%s on %s", event, segment).isEqualTo(axonsCalls);
            }
        }
        assertThat(ours.supportsReset()).isEqualTo(axons.supportsReset()).isTrue();
        assertThat(ours.canHandleType(Integer.class)).isTrue();
    }

    @Test
    void aReplayedNumberOutsideAnAggregatesStreamIsHandledByNoOne() throws Exception {
        // given
        HandlersByPayloadType ours = new HandlersByPayloadType(new MultiEventHandlerInvoker(group(new Replayed()),
                group(new LiveOnly())));
        EventMessage<?> number = new GenericTrackedEventMessage<>(ReplayToken.createReplayToken(
                new GlobalSequenceTrackingToken(100), new GlobalSequenceTrackingToken(4)),
                GenericEventMessage.asEventMessage(7));

        // when
        ours.handle(number, Segment.ROOT_SEGMENT);

        // then
        assertThat(ours.canHandle(number, Segment.ROOT_SEGMENT)).isFalse();
        assertThat(calls).isEmpty();
    }

    private static EventHandlerInvoker group(Object handler) {
        return SimpleEventHandlerInvoker.builder().eventHandlers(handler).build();
    }
}
