package org.vigil.query.store;

import java.util.function.Function;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * The name under which an event type is stored. Vigil's event types, all in {@code org.vigil.core.api}, are stored
 * under their simple class name ({@code ObservationsRecordedEvent}), which saves the package's 19 bytes in every
 * row; every other type (snapshots of aggregates, Axon's tokens) under its full class name.
 *
 * <p>Everything that reads stored events sees the full class name: {@link #upcaster()} comes first in the chain
 * of upcasters, so the upcasters of {@code org.vigil.core.upcasting} match full names whether an event was stored
 * under one or the other, and {@link #className(String)} resolves a stored name when a type is looked up.
 */
final class StoredTypeNames {

    static final String EVENT_PACKAGE = "org.vigil.core.api.";

    private StoredTypeNames() {
    }

    /** The name to store for a class. */
    static String storedName(Class<?> type) {
        String name = type.getName();
        return name.startsWith(EVENT_PACKAGE) && name.indexOf('.', EVENT_PACKAGE.length()) < 0
                && name.indexOf('$') < 0 ? type.getSimpleName() : name;
    }

    /** The full class name of a stored name: a name with no package is one of Vigil's event types. */
    static String className(String storedName) {
        return isShort(storedName) ? EVENT_PACKAGE + storedName : storedName;
    }

    private static boolean isShort(String storedName) {
        return storedName.indexOf('.') < 0 && !storedName.equals(SimpleSerializedType.emptyType().getName());
    }

    /** Rewrites a short stored name to the full class name, leaving the payload as it is. */
    static SingleEventUpcaster upcaster() {
        return new FullNames();
    }

    private static final class FullNames extends SingleEventUpcaster {
        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return isShort(representation.getType().getName());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return asIs(representation, representation.getContentType());
        }

        private static <T> IntermediateEventRepresentation asIs(IntermediateEventRepresentation representation,
                                                                Class<T> contentType) {
            SerializedType type = representation.getType();
            return representation.upcastPayload(
                    new SimpleSerializedType(className(type.getName()), type.getRevision()),
                    contentType, Function.identity());
        }
    }
}
