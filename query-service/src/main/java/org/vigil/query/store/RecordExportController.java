package org.vigil.query.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A session's record as a human reads it: every event of the session's stream, oldest first, one JSON object per
 * line ({@code application/x-ndjson}), in Vigil's JSON whatever form the store keeps it in, and in today's shape
 * (read through the upcasters, as the application reads it), from the stream's first event: never from a
 * snapshot, which stands for the events before it when the session is loaded but is no event of the record. For
 * directors and engineers.
 *
 * <p>A line: {@code {"sequence":0,"type":"SessionStartedEvent","revision":"1","timestamp":"…","payload":{…}}}.
 */
@RestController
class RecordExportController {

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    private final EventStore events;
    private final RevisionResolver revisions;
    private final ObjectMapper json = EventSerializers.json();

    RecordExportController(EventStore events, RevisionResolver revisions) {
        this.events = events;
        this.revisions = revisions;
    }

    @GetMapping("/api/record/sessions/{id}/events")
    ResponseEntity<StreamingResponseBody> sessionEvents(@PathVariable String id) {
        Iterator<? extends DomainEventMessage<?>> stream = events.readEvents(id, 0L).asStream().iterator();
        if (!stream.hasNext()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no events of session " + id);
        }
        StreamingResponseBody body = out -> {
            write(out, stream.next());
            while (stream.hasNext()) {
                write(out, stream.next());
            }
        };
        return ResponseEntity.ok().contentType(JSON_LINES).body(body);
    }

    private void write(OutputStream out, DomainEventMessage<?> event) throws IOException {
        ObjectNode line = json.createObjectNode();
        line.put("sequence", event.getSequenceNumber());
        line.put("type", event.getPayloadType().getSimpleName());
        line.put("revision", revisions.revisionOf(event.getPayloadType()));
        line.put("timestamp", event.getTimestamp().toString());
        line.set("payload", json.valueToTree(event.getPayload()));
        out.write(json.writeValueAsString(line).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
