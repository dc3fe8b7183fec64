package org.vigil.core.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.vigil.core.api.ObservationsRecordedEvent;

/**
 * {@link ObservationsRecordedEvent} revision 1 to 2: an observation no longer repeats the message's device time.
 *
 * <p>Why the shape changed: the observation event is by far the most frequent in the store (one per device
 * message), and revision 1 wrote the device's time into every one of its observations although the adapters take it
 * from the message (HL7 OBX-14 falls back to MSH-7; an IntelliVue poll has one time for all its numerics). That is
 * 36 bytes per value: a quarter of the payload of a monitor message whose values share its time, in every stored
 * observation event. Revision 2 keeps an observation's own time only where it differs from the message's, and
 * readers take it with {@link ObservationsRecordedEvent#deviceTimeOf}, which falls back to the message's time as
 * every reader of revision 1 already did for an observation without one. Nothing a reader can see changes.
 *
 * <p>Stored events are never rewritten: the store is the medical record. Revision 1 events stay as they were stored
 * and are read through this upcaster; an observation time that is absent ({@code null}) or equal to the message's
 * is dropped, any other is kept.
 */
final class ObservationTimesUpcaster extends SingleEventUpcaster {

    private static final String TYPE = ObservationsRecordedEvent.class.getName();
    private static final SerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, ObservationTimesUpcaster::dropRepeatedTimes);
    }

    private static JsonNode dropRepeatedTimes(JsonNode event) {
        JsonNode messageTime = event.get("deviceTime");
        for (JsonNode observation : event.path("observations")) {
            JsonNode time = observation.get("deviceTime");
            if (time != null && (time.isNull() || time.equals(messageTime))) {
                ((ObjectNode) observation).remove("deviceTime");
            }
        }
        return event;
    }
}
