package org.vigil.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Vital;
import org.vigil.query.RunningVigil;

/**
 * The README's backup and restore of the embedded store, done as an engineer would: a backup taken while Vigil runs
 * and records, restored into a fresh data directory, on which Vigil starts and finds every event of the backup.
 */
class BackupRestoreIT {

    @TempDir
    Path clinic;

    @TempDir
    Path restored;

    @TempDir
    Path backups;

    @Test
    void aBackupTakenWhileVigilRunsRestoresIntoAFreshDirectoryWithEveryEvent() throws IOException {
        List<RunningVigil.Stored<Object>> atBackup;
        Path backup;
        try (RunningVigil vigil = RunningVigil.startWith(clinic, List.of("--vigil.backup-dir=" + backups))) {
            // given a clinic's store with two sessions and their device messages
            SessionId first = vigil.startSession("chair-1", 126, 81);
            SessionId second = vigil.startSession("chair-2", 119, 77);
            record(vigil, first, "a", 30);
            record(vigil, second, "b", 30);
            atBackup = vigil.stored(Object.class);

            // when an engineer backs it up, and Vigil records on
            HttpResponse<String> nurse = vigil.send("POST", "/api/record/backup", "nurse", null);
            HttpResponse<String> engineer = vigil.send("POST", "/api/record/backup", "engineer", null);
            record(vigil, first, "after-backup", 3);

            // then
            assertThat(nurse.statusCode()).isEqualTo(403);
            assertThat(engineer.statusCode()).isEqualTo(200);
            JsonNode answer = RunningVigil.json(engineer.body());
            backup = Path.of(answer.path("file").asText());
            assertThat(backup.getParent()).isEqualTo(backups.toAbsolutePath());
            assertThat(backup).exists();
            assertThat(answer.path("bytes").asLong()).isEqualTo(Files.size(backup));
            assertThat(answer.path("events").asLong()).isEqualTo(atBackup.size());
            assertThat(vigil.storedEvents()).isEqualTo(atBackup.size() + 3);
        }

        // when it is restored into a fresh place, as the README says: the backup becomes the store's file
        Files.copy(backup, restored.resolve("vigil.db"));
        try (RunningVigil onRestore = RunningVigil.start(restored)) {
            // then every event of the backup is there, in order, and the restored Vigil records on
            assertThat(onRestore.stored(Object.class)).extracting(RunningVigil.Stored::payload)
                    .containsExactlyElementsOf(atBackup.stream().map(RunningVigil.Stored::payload).toList());
            assertThat(onRestore.get("/api/sessions")).hasSize(2);
            SessionId first = new SessionId(onRestore.get("/api/sessions").get(0).path("sessionId").asText());
            record(onRestore, first, "after-restore", 1);
            assertThat(onRestore.storedEvents()).isEqualTo(atBackup.size() + 1);
        }
    }

    private static void record(RunningVigil vigil, SessionId session, String prefix, int messages) {
        Instant start = Instant.parse("2026-03-02T09:25:00Z");
        for (int i = 0; i < messages; i++) {
            Instant at = start.plusSeconds(i);
            vigil.command(new RecordObservationsCommand(session, new DeviceObservations(
                    new DeviceId("monitor-" + prefix), new MessageKey("GATEWAY-1", prefix + "-" + i), at,
                    at.plusMillis(120), List.of(Observation.of(Vital.HEART_RATE, 70 + i % 6, null),
                    Observation.of(Vital.SPO2, 97, null), Observation.of(Vital.RESPIRATORY_RATE, 14, null)))));
        }
    }
}
