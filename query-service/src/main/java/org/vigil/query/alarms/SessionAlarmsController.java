package org.vigil.query.alarms;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.core.api.AlarmRecordView;
import org.vigil.core.api.SessionId;

/** {@code GET /api/sessions/{id}/alarms}: every alarm of a session with who responded and how fast. */
@RestController
class SessionAlarmsController {

    private final AlarmRecords records;

    SessionAlarmsController(AlarmRecords records) {
        this.records = records;
    }

    @GetMapping("/api/sessions/{id}/alarms")
    List<AlarmRecordView> alarms(@PathVariable String id) {
        return records.of(new SessionId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no session " + id));
    }
}
