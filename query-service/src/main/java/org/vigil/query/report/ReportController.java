package org.vigil.query.report;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vigil.core.api.SessionId;
import org.vigil.query.sessionrecord.SessionRecord;
import org.vigil.query.sessionrecord.SessionRecords;

/** {@code GET /api/sessions/{id}/report.pdf}, for directors: the session's review on A4 ({@link SessionReportPdf}). */
@RestController
class ReportController {

    private final SessionRecords records;

    ReportController(SessionRecords records) {
        this.records = records;
    }

    @GetMapping("/api/sessions/{id}/report.pdf")
    ResponseEntity<StreamingResponseBody> report(@PathVariable String id) {
        SessionRecord record = records.of(new SessionId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no session " + id));
        ContentDisposition inline = ContentDisposition.inline().filename("session-" + id + ".pdf").build();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, inline.toString())
                .body(out -> SessionReportPdf.write(record, out));
    }
}
