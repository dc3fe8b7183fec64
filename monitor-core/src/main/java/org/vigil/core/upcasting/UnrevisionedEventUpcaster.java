package org.vigil.core.upcasting;

import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads an event stored before Vigil's event types carried a revision as revision 1 of its type, which it is: the
 * first shape of every event type is revision 1. Such events are stored with no revision at all; naming it here
 * lets every later upcaster match one explicit revision. The payload is passed on as it is, unconverted.
 */
final class UnrevisionedEventUpcaster extends SingleEventUpcaster {

    private static final String EVENT_PACKAGE = "org.vigil.core.api.";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getRevision() == null
                && representation.getType().getName().startsWith(EVENT_PACKAGE);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return upcastAsIs(representation, representation.getContentType());
    }

    private static <T> IntermediateEventRepresentation upcastAsIs(IntermediateEventRepresentation representation,
                                                                  Class<T> contentType) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "1"),
                contentType, Function.identity());
    }
}
