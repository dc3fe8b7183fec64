package org.vigil.query.record;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.vigil.query.store.ChainedEvent;

/**
 * Verifies the chain of event hashes on one JDBC connection, in one read transaction: every event (or every event
 * after a global index) is read in global order with its recorded hash and the recorded hash of its aggregate's
 * previous event, and its hash is computed again. It finds
 * <ul>
 * <li>an event whose content, or recorded hash, changed: ALTERED;</li>
 * <li>an event without a hash stored after hashing began: INSERTED;</li>
 * <li>an event whose hash is recorded but which is gone, or whose aggregate's next event has no predecessor, or
 *     fewer events up to a global index than a previous verification counted: DELETED;</li>
 * <li>a change in the number of events stored before hashing began (these are counted, not hashed).</li>
 * </ul>
 * Each finding is local to one event, so one edit or deletion gives one finding, not one for every later event.
 */
public final class RecordVerifier {

    static final int MAX_FINDINGS = 100;

    private static final String EVENTS = "select e.global_index, e.event_identifier, e.aggregate_identifier, "
            + "e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data, "
            + "h.hash, p.hash, pe.global_index "
            + "from domain_event_entry e "
            + "left join event_hash h on h.aggregate_identifier = e.aggregate_identifier "
            + "and h.sequence_number = e.sequence_number "
            + "left join event_hash p on p.aggregate_identifier = e.aggregate_identifier "
            + "and p.sequence_number = e.sequence_number - 1 "
            + "left join domain_event_entry pe on pe.aggregate_identifier = e.aggregate_identifier "
            + "and pe.sequence_number = e.sequence_number - 1 "
            + "where e.global_index > ? order by e.global_index";

    private static final String ORPHAN_HASHES = "select h.aggregate_identifier, h.sequence_number, h.global_index "
            + "from event_hash h where not exists (select 1 from domain_event_entry e "
            + "where e.aggregate_identifier = h.aggregate_identifier and e.sequence_number = h.sequence_number)";

    private final Clock clock;

    public RecordVerifier(Clock clock) {
        this.clock = clock;
    }

    /**
     * Verifies the whole record. When {@code previous} is given (the last verification's end), also counts the
     * events up to its global index, to find events deleted with their hashes since.
     */
    public Verification full(Connection connection, Checkpoint previous) throws SQLException {
        return verify(connection, -1, previous);
    }

    /** Verifies the events stored after {@code since}, each against its recorded predecessor. */
    public Verification after(Connection connection, Checkpoint since) throws SQLException {
        return verify(connection, since.upTo(), since);
    }

    private Verification verify(Connection connection, long after, Checkpoint previous) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            return read(connection, after, previous);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private Verification read(Connection connection, long after, Checkpoint previous) throws SQLException {
        boolean full = after < 0;
        Start start = Start.read(connection);
        List<Finding> findings = new ArrayList<>();
        long events = 0;
        long upTo = after;
        long eventsBefore = 0;
        long upToPrevious = 0;
        try (PreparedStatement statement = connection.prepareStatement(EVENTS)) {
            statement.setFetchSize(1000);
            statement.setLong(1, after);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    long globalIndex = row.getLong(1);
                    events++;
                    upTo = globalIndex;
                    if (previous != null && globalIndex <= previous.upTo()) {
                        upToPrevious++;
                    }
                    byte[] hash = row.getBytes(11);
                    if (hash == null) {
                        if (start == null || globalIndex < start.firstGlobalIndex()) {
                            eventsBefore++;
                        } else {
                            findings.add(Finding.inserted(row.getString(3), row.getLong(4), globalIndex,
                                    "stored without a hash after the record began to be hashed (global index "
                                            + start.firstGlobalIndex() + ")"));
                        }
                        continue;
                    }
                    check(row, globalIndex, hash, findings);
                }
            }
        }
        if (full) {
            orphanHashes(connection, findings);
            if (start != null && eventsBefore != start.eventsBefore()) {
                findings.add(new Finding(eventsBefore < start.eventsBefore() ? "DELETED" : "INSERTED", null, null,
                        null, start.eventsBefore() + " events were stored before hashing began (global index "
                        + start.firstGlobalIndex() + "), " + eventsBefore + " are now"));
            }
            if (start == null && events > eventsBefore) {
                findings.add(new Finding("ALTERED", null, null, null,
                        "events carry hashes but the start of the chain (record_chain_start) is gone"));
            }
            if (previous != null) {
                deletedSince(previous, upToPrevious, findings);
            }
        }
        findings.sort(Comparator.comparing(Finding::globalIndex, Comparator.nullsLast(Comparator.naturalOrder())));
        Checkpoint reached = full || previous == null
                ? new Checkpoint(upTo, events, clock.instant())
                : new Checkpoint(Math.max(upTo, previous.upTo()), previous.eventsUpTo() + events, clock.instant());
        return new Verification(full, reached, events, start == null ? null : start.firstGlobalIndex(),
                start == null ? eventsBefore : start.eventsBefore(), findings.size(),
                List.copyOf(findings.subList(0, Math.min(findings.size(), MAX_FINDINGS))));
    }

    private static void check(ResultSet row, long globalIndex, byte[] hash, List<Finding> findings)
            throws SQLException {
        String aggregate = row.getString(3);
        long sequence = row.getLong(4);
        byte[] previousHash = row.getBytes(12);
        if (previousHash == null && sequence > 0) {
            row.getLong(13);
            if (row.wasNull()) {
                findings.add(Finding.deleted(aggregate, sequence - 1, null, "gone with its hash: the event "
                        + "before sequence number " + sequence + " of this aggregate is missing"));
            }
        }
        ChainedEvent event = new ChainedEvent(globalIndex, row.getString(2), aggregate, sequence, row.getString(5),
                DateTimeUtils.parseInstant(row.getString(6)), row.getString(7), row.getString(8), row.getBytes(9),
                row.getBytes(10));
        byte[] expected = event.hash(previousHash == null ? ChainedEvent.NO_PREVIOUS : previousHash);
        if (!Arrays.equals(expected, hash)) {
            findings.add(Finding.altered(aggregate, sequence, globalIndex, "its content or its recorded hash "
                    + "changed: the hash does not match the event and the previous event's hash"));
        }
    }

    private static void orphanHashes(Connection connection, List<Finding> findings) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ORPHAN_HASHES);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                findings.add(Finding.deleted(row.getString(1), row.getLong(2), row.getLong(3),
                        "its hash is recorded but the event is gone"));
            }
        }
    }

    private static void deletedSince(Checkpoint previous, long counted, List<Finding> findings) {
        long known = findings.stream().filter(finding -> finding.kind().equals("DELETED")).count();
        long unexplained = previous.eventsUpTo() - counted - known;
        if (unexplained > 0) {
            findings.add(Finding.deleted(null, null, null, unexplained + " events up to global index "
                    + previous.upTo() + " are gone with their hashes since the verification of "
                    + previous.verifiedAt() + " (the last events of their aggregates)"));
        }
    }

    /** The row of {@code record_chain_start}, when events were hashed. */
    private record Start(long firstGlobalIndex, long eventsBefore) {

        static Start read(Connection connection) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select first_global_index, events_before from record_chain_start");
                 ResultSet row = statement.executeQuery()) {
                return row.next() ? new Start(row.getLong(1), row.getLong(2)) : null;
            }
        }
    }
}
