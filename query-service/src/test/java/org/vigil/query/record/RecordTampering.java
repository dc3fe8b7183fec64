package org.vigil.query.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What an insider with write access to the database does to the record: one event edited, another deleted. */
public final class RecordTampering {

    /** A stored event's place in the record. */
    public record Place(String aggregate, long sequence, long globalIndex) {
    }

    private RecordTampering() {
    }

    /** Every stored event, in global order. */
    public static List<Place> events(Connection connection) throws SQLException {
        List<Place> places = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select aggregate_identifier, "
                + "sequence_number, global_index from domain_event_entry order by global_index");
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                places.add(new Place(row.getString(1), row.getLong(2), row.getLong(3)));
            }
        }
        return places;
    }

    /** Changes one byte of the event's stored payload, as an edit of a recorded value would. */
    public static void edit(Connection connection, Place event) throws SQLException {
        byte[] payload;
        try (PreparedStatement select = connection.prepareStatement(
                "select payload from domain_event_entry where global_index = ?")) {
            select.setLong(1, event.globalIndex());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                payload = row.getBytes(1);
            }
        }
        payload[payload.length - 1] ^= 1;
        try (PreparedStatement update = connection.prepareStatement(
                "update domain_event_entry set payload = ? where global_index = ?")) {
            update.setBytes(1, payload);
            update.setLong(2, event.globalIndex());
            assertThat(update.executeUpdate()).isOne();
        }
    }

    public static void delete(Connection connection, Place event) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from domain_event_entry where global_index = ?")) {
            delete.setLong(1, event.globalIndex());
            assertThat(delete.executeUpdate()).isOne();
        }
    }

    /** Asserts that a finding of {@code GET /api/record/verify} names {@code event} as {@code kind}. */
    public static void assertFinding(JsonNode finding, String kind, Place event) {
        assertThat(finding.path("kind").asText()).isEqualTo(kind);
        assertThat(finding.path("aggregate").asText()).isEqualTo(event.aggregate());
        assertThat(finding.path("sequence").asLong()).isEqualTo(event.sequence());
        assertThat(finding.path("globalIndex").asLong()).isEqualTo(event.globalIndex());
    }
}
