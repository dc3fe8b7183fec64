package org.vigil.core.alarm;

import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Reads the whole store once, up to its head as it is when the scan starts, handing over the payloads of the given
 * types: how a decision handler that acts on time, not only on events, learns after a restart what it must watch,
 * deciding nothing while it reads.
 */
final class StoreScan {

    private static final int POLL_SECONDS = 1;

    private StoreScan() {
    }

    /** @return how many payloads were handed over */
    static long fold(EventStore eventStore, Set<Class<?>> types, Consumer<Object> fold) {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong headPosition = head == null ? OptionalLong.empty() : head.position();
        if (headPosition.isEmpty()) {
            return 0;
        }
        long folded = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(POLL_SECONDS, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (types.contains(event.getPayloadType())) {
                    fold.accept(event.getPayload());
                    folded++;
                }
                if (event.trackingToken().position().orElse(Long.MIN_VALUE) >= headPosition.getAsLong()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the store", e);
        }
        return folded;
    }
}
