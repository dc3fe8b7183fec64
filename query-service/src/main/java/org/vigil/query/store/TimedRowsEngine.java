package org.vigil.query.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine as {@link TrackedEventStreams} reads with it, with each row's stored time parsed once. Axon's
 * own engine parses the time of every row it reads with {@link java.time.format.DateTimeFormatter} to decide whether
 * a gap before it may still fill, and the event's time again from the text when a handler asks for it; on a full
 * rebuild those two parses took a quarter of the reading thread. Here the row's time is parsed once, by
 * {@link IsoInstants#parse} (Axon's parser for any other form), and the event keeps the parsed time. The token is
 * made as Axon makes it, with the gap settings of {@link StoreGaps}.
 */
final class TimedRowsEngine extends JdbcEventStorageEngine {

    TimedRowsEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previous)
            throws SQLException {
        EventSchema schema = schema();
        long index = row.getLong(schema.globalIndexColumn());
        String aggregate = row.getString(schema.aggregateIdentifierColumn());
        String eventId = row.getString(schema.eventIdentifierColumn());
        String time = row.getString(schema.timestampColumn());
        Instant at = parse(time);
        TimedEntry<?> event = new TimedEntry<>(row.getString(schema.typeColumn()),
                eventId.equals(aggregate) ? null : aggregate, row.getLong(schema.sequenceNumberColumn()), eventId,
                time, at, row.getString(schema.payloadTypeColumn()), row.getString(schema.payloadRevisionColumn()),
                readPayload(row, schema.payloadColumn()), readPayload(row, schema.metaDataColumn()));
        boolean mayStillFill = at.isAfter(GenericEventMessage.clock.instant().minusMillis(StoreGaps.GAP_TIMEOUT_MILLIS));
        GapAwareTrackingToken token;
        if (previous == null) {
            token = GapAwareTrackingToken.newInstance(index, mayStillFill
                    ? LongStream.range(Math.min(StoreGaps.LOWEST_GLOBAL_SEQUENCE, index), index).boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previous.advanceTo(index, mayStillFill ? StoreGaps.MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    private static Instant parse(String time) {
        Instant at = IsoInstants.parse(time);
        return at != null ? at : DateTimeUtils.parseInstant(time);
    }

    /** A stored event that keeps its time as read, parsed. */
    private static final class TimedEntry<T> extends GenericDomainEventEntry<T> {

        private final Instant at;

        TimedEntry(String type, String aggregate, long sequence, String eventId, String time, Instant at,
                   String payloadType, String payloadRevision, T payload, T metaData) {
            super(type, aggregate, sequence, eventId, time, payloadType, payloadRevision, payload, metaData);
            this.at = at;
        }

        @Override
        public Instant getTimestamp() {
            return at;
        }
    }
}
