package org.vigil.core.upcasting;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of Vigil's stored events, in the order they apply: an event stored in any earlier shape is read
 * in the current one, whatever revision it was stored at. Stored events are never rewritten.
 *
 * <p>To change the shape of an event type that has been stored: raise its {@code @Revision}, add an upcaster from
 * the previous revision to the new one at the end of this list, and add the new revision's golden fixture (the
 * README of the fixtures, {@code query-service/src/test/resources/events/}, says how).
 */
public final class EventUpcasters {

    private static final List<EventUpcaster> ALL = List.of(
            new UnrevisionedEventUpcaster(),
            new ObservationTimesUpcaster());

    private EventUpcasters() {
    }

    /** The chain the application registers on its event store, which its tracking processors read through too. */
    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(ALL);
    }
}
