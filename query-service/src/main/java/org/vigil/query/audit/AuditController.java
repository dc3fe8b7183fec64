package org.vigil.query.audit;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.core.api.SessionRecordAccessedEvent;

/**
 * {@code GET /api/sessions/{id}/audit}, for directors: every recorded read of a session's record, oldest first, from
 * the session's audit stream.
 */
@RestController
class AuditController {

    private final EventStore events;

    AuditController(EventStore events) {
        this.events = events;
    }

    @GetMapping("/api/sessions/{id}/audit")
    List<SessionRecordAccessedEvent> audit(@PathVariable String id) {
        if (!events.readEvents(id, 0L).hasNext()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no session " + id);
        }
        List<SessionRecordAccessedEvent> reads = new ArrayList<>();
        DomainEventStream stream = events.readEvents("audit-" + id, 0L);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof SessionRecordAccessedEvent read) {
                reads.add(read);
            }
        }
        return reads;
    }
}
