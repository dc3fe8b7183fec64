package org.vigil.query.sessions;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vigil.core.api.SessionStartedEvent;

/**
 * {@code GET /api/sessions/{id}/export.csv}: every device value of a session as CSV ({@link SessionCsv}), for the
 * director's review in a spreadsheet. Read from the session's own stream from its first event (never from a
 * snapshot), as the record is, and written as it is read. For directors and engineers; an id that names no
 * session is a 404 that says so in plain text.
 */
@RestController
class SessionCsvController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final EventStore events;

    SessionCsvController(EventStore events) {
        this.events = events;
    }

    @GetMapping("/api/sessions/{id}/export.csv")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String id) {
        DomainEventStream stream = events.readEvents(id, 0L);
        DomainEventMessage<?> first = stream.hasNext() ? stream.peek() : null;
        if (first == null || !(first.getPayload() instanceof SessionStartedEvent)) {
            byte[] reason = ("no session " + id + "\n").getBytes(StandardCharsets.UTF_8);
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(out -> out.write(reason));
        }
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            SessionCsv csv = new SessionCsv(writer);
            while (stream.hasNext()) {
                csv.write(stream.next().getPayload());
            }
            csv.flush();
        };
        ContentDisposition attachment = ContentDisposition.attachment().filename("session-" + id + ".csv").build();
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
                .body(body);
    }
}
