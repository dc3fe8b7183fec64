package org.vigil.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * An event or snapshot exactly as an earlier Vigil stored it: a payload type, a revision and the payload's JSON.
 * Handed to the storage engine, it is written in whatever form the application's serializer stores (its converter
 * turns the JSON into it), with the type and revision given, not those of today's classes.
 */
final class AsStored extends GenericDomainEventMessage<JsonNode> {

    private static final long serialVersionUID = 1L;

    private final String payloadType;
    private final String revision;

    /**
     * @param aggregateType the aggregate's type as Axon names it ({@code Session}, {@code Device})
     * @param revision      the stored revision, {@code null} for one stored before the type carried any
     */
    AsStored(String aggregateType, String aggregateId, long sequence, String payloadType, String revision,
             JsonNode payload) {
        super(aggregateType, aggregateId, sequence, payload, MetaData.emptyInstance());
        this.payloadType = payloadType;
        this.revision = revision;
    }

    @Override
    public <R> SerializedObject<R> serializePayload(Serializer serializer, Class<R> expectedRepresentation) {
        R data = serializer.getConverter().convert(getPayload(), JsonNode.class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, payloadType, revision);
    }
}
