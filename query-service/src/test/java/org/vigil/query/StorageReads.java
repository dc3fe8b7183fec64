package org.vigil.query;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Counts what the application reads from its storage engine: the events read in global order (as tracking
 * processors read them), with the position each such read began after, and the events read per aggregate stream.
 * Installed around the real engine when the application starts, so a test can show what start-up reads. A
 * processor whose source is not the event store (the read models', which reads on a connection of its own on the
 * embedded store) is counted at its source: every stream it opens is a read in global order.
 */
public final class StorageReads {

    /** The position a tracked read that begins at the very first event begins after. */
    public static final long FROM_THE_FIRST_EVENT = -1;

    private final List<Long> trackedReadsFrom = new CopyOnWriteArrayList<>();
    private final AtomicLong trackedEvents = new AtomicLong();
    private final Map<String, AtomicLong> streamEvents = new ConcurrentHashMap<>();

    /** For {@link RunningVigil#launch}: wraps the application's storage engine in this counter. */
    public Consumer<SpringApplicationBuilder> installer() {
        return builder -> builder.initializers(context -> context.getBeanFactory()
                .addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        if (Proxy.isProxyClass(bean.getClass())) {
                            return bean;
                        }
                        if (bean instanceof EventStorageEngine engine) {
                            return counting(engine);
                        }
                        return bean instanceof StreamableMessageSource<?> source && !(bean instanceof EventStore)
                                ? counting(source) : bean;
                    }
                }));
    }

    /** The positions the tracked reads began after, {@link #FROM_THE_FIRST_EVENT} for a read of the whole store. */
    public List<Long> trackedReadsFrom() {
        return List.copyOf(trackedReadsFrom);
    }

    /** Events read in global order, by every tracked read together. */
    public long trackedEvents() {
        return trackedEvents.get();
    }

    /** Events read per aggregate stream (a session's or a device's), by its identifier. */
    public Map<String, Long> streamEvents() {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        streamEvents.forEach((id, count) -> counts.put(id, count.get()));
        return counts;
    }

    private EventStorageEngine counting(EventStorageEngine engine) {
        return (EventStorageEngine) Proxy.newProxyInstance(EventStorageEngine.class.getClassLoader(),
                new Class<?>[] {EventStorageEngine.class}, (proxy, method, args) -> {
                    Object result = invoke(engine, method, args);
                    if (!method.getName().equals("readEvents")) {
                        return result;
                    }
                    Class<?> first = method.getParameterTypes()[0];
                    if (first == TrackingToken.class) {
                        TrackingToken token = (TrackingToken) args[0];
                        trackedReadsFrom.add(token == null ? FROM_THE_FIRST_EVENT
                                : token.position().orElse(FROM_THE_FIRST_EVENT));
                        return ((Stream<?>) result).peek(event -> trackedEvents.incrementAndGet());
                    }
                    if (first == String.class) {
                        AtomicLong count = streamEvents.computeIfAbsent((String) args[0], id -> new AtomicLong());
                        DomainEventStream stream = (DomainEventStream) result;
                        return DomainEventStream.of(stream.asStream().peek(event -> count.incrementAndGet()),
                                stream::getLastSequenceNumber);
                    }
                    return result;
                });
    }

    private StreamableMessageSource<?> counting(StreamableMessageSource<?> source) {
        return (StreamableMessageSource<?>) Proxy.newProxyInstance(StreamableMessageSource.class.getClassLoader(),
                new Class<?>[] {StreamableMessageSource.class}, (proxy, method, args) -> {
                    Object result = invoke(source, method, args);
                    if (!method.getName().equals("openStream")) {
                        return result;
                    }
                    TrackingToken token = (TrackingToken) args[0];
                    trackedReadsFrom.add(token == null ? FROM_THE_FIRST_EVENT
                            : token.position().orElse(FROM_THE_FIRST_EVENT));
                    BlockingStream<?> stream = (BlockingStream<?>) result;
                    return Proxy.newProxyInstance(BlockingStream.class.getClassLoader(),
                            new Class<?>[] {BlockingStream.class}, (streamProxy, streamMethod, streamArgs) -> {
                                Object next = invoke(stream, streamMethod, streamArgs);
                                if (streamMethod.getName().equals("nextAvailable")) {
                                    trackedEvents.incrementAndGet();
                                }
                                return next;
                            });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
