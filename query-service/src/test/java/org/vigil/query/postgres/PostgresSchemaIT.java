package org.vigil.query.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema the {@code postgres} profile creates for Axon's entities (docs/DESIGN.md, "Known traps"): serialized
 * columns are {@code bytea}, never large-object {@code oid}s, and the global index sequence steps by one.
 */
class PostgresSchemaIT {

    @TempDir
    Path data;

    @Test
    @SuppressWarnings("try") // the application only has to run while the schema is read
    void axonsSerializedColumnsAreByteaAndTheGlobalIndexSequenceStepsByOne() {
        try (PostgresServer postgres = PostgresServer.start(data)) {
            // given an empty database
            assertThat(postgres.rows("select table_name from information_schema.tables "
                    + "where table_schema = 'public'")).isEmpty();

            // when the application starts on it
            try (VigilOnPostgres ignored = VigilOnPostgres.start(postgres)) {

                // then
                Map<String, String> types = postgres.rows("select table_name || '.' || column_name as col, "
                                + "data_type from information_schema.columns where table_schema = 'public' "
                                + "and data_type in ('bytea', 'oid')").stream()
                        .collect(Collectors.toMap(row -> (String) row.get("col"),
                                row -> (String) row.get("data_type")));
                assertThat(types).containsOnly(
                        entry("domain_event_entry.payload", "bytea"),
                        entry("domain_event_entry.meta_data", "bytea"),
                        entry("snapshot_event_entry.payload", "bytea"),
                        entry("snapshot_event_entry.meta_data", "bytea"),
                        entry("token_entry.token", "bytea"),
                        entry("saga_entry.serialized_saga", "bytea"),
                        entry("dead_letter_entry.payload", "bytea"),
                        entry("dead_letter_entry.meta_data", "bytea"),
                        entry("dead_letter_entry.token", "bytea"),
                        entry("dead_letter_entry.diagnostics", "bytea"),
                        entry("live_view_snapshot.state", "bytea"),
                        entry("event_hash.hash", "bytea"),
                        entry("spring_session_attributes.attribute_bytes", "bytea"));
                assertThat(postgres.value("select increment_by from pg_sequences "
                        + "where sequencename = 'domain_event_entry_seq'")).isEqualTo(1L);
            }
        }
    }
}
