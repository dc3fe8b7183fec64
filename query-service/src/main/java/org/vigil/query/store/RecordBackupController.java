package org.vigil.query.store;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/record/backup}, for engineers: a backup of the embedded store, written while Vigil runs
 * ({@link RecordBackup}). Answers {@code {"file": …, "bytes": …, "events": …}}. On PostgreSQL it answers 409:
 * the database is backed up with PostgreSQL's own tools (README, "Backup and restore").
 */
@RestController
class RecordBackupController {

    private final RecordBackup backup;

    RecordBackupController(RecordBackup backup) {
        this.backup = backup;
    }

    @PostMapping("/api/record/backup")
    Map<String, Object> backup() {
        if (backup.store().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Vigil backs up only its embedded store; back "
                    + "up PostgreSQL with pg_dump or a base backup");
        }
        RecordBackup.Backup written = backup.write();
        return Map.of("file", written.file().toString(), "bytes", written.bytes(), "events", written.events());
    }
}
