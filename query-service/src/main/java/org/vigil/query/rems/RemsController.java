package org.vigil.query.rems;

import java.security.Principal;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.core.api.CompleteRemsItemCommand;
import org.vigil.core.api.RemsFormView;
import org.vigil.core.api.RemsItem;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Treatment;
import org.vigil.query.rems.RemsFormsProjection.RemsStatus;

/**
 * The esketamine REMS Patient Monitoring Form of a session (docs/DOMAIN.md): {@code GET /api/sessions/{id}/rems} as
 * JSON, {@code GET /review/{id}/rems} as a page to print, and {@code POST /api/sessions/{id}/rems} for a director to
 * complete a field the record does not answer. Read from the record, so it is exact the moment a step is stored.
 * A session of another treatment has no REMS form: 409 with the reason.
 */
@RestController
class RemsController {

    /** A director's answer to one field. */
    record CompletionRequest(RemsItem item, String value) {
    }

    private final RemsForms forms;
    private final RemsFormsProjection projection;
    private final CommandGateway commands;
    private final Clock clock;

    RemsController(RemsForms forms, RemsFormsProjection projection, CommandGateway commands, Clock clock) {
        this.forms = forms;
        this.projection = projection;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * {@code GET /api/rems?complete=false}: the esketamine sessions whose form still misses fields (or, with
     * {@code true}, is complete), from the REMS read model, soonest to send first.
     */
    @GetMapping("/api/rems")
    List<RemsStatus> statuses(@RequestParam(defaultValue = "false") boolean complete) {
        return projection.withComplete(complete);
    }

    @GetMapping("/api/sessions/{id}/rems")
    RemsFormView form(@PathVariable String id) {
        return RemsForm.of(esketamine(id));
    }

    @GetMapping(value = "/review/{id}/rems", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String id) {
        return RemsPage.html(form(id));
    }

    /** Completes one missing field; a field the record answers is refused (a note on the session says more). */
    @PostMapping("/api/sessions/{id}/rems")
    RemsFormView complete(@PathVariable String id, @RequestBody(required = false) CompletionRequest request,
                          Principal user) {
        RemsFormView form = form(id);
        if (request == null || request.item() == null) {
            throw new IllegalArgumentException("which field to complete is required: one of "
                    + Arrays.toString(RemsItem.values()));
        }
        if (RemsForm.recordAnswers(form, request.item())) {
            throw new RemsRefusedException("\"" + request.item().label() + "\" of session " + id
                    + " is answered by the record; add a note to the session to comment on it");
        }
        commands.sendAndWait(new CompleteRemsItemCommand(new SessionId(id), request.item(), request.value(),
                user.getName(), clock.instant()));
        return form(id);
    }

    @ExceptionHandler(RemsRefusedException.class)
    ResponseEntity<Map<String, String>> refused(RemsRefusedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Map.of("error", HttpStatus.CONFLICT.getReasonPhrase(), "reason", e.getMessage()));
    }

    private RemsFacts esketamine(String id) {
        RemsFacts facts = forms.facts(new SessionId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no session " + id));
        if (facts.treatment != Treatment.ESKETAMINE) {
            throw new RemsRefusedException("session " + id + " is " + facts.treatment
                    + ": the REMS Patient Monitoring Form is for esketamine sessions only");
        }
        return facts;
    }

    /** The form does not apply, or the record already answers the field. */
    static final class RemsRefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RemsRefusedException(String reason) {
            super(reason);
        }
    }
}
