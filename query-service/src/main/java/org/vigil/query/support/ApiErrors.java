package org.vigil.query.support;

import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.core.session.AlarmNotActiveException;
import org.vigil.core.session.InvalidPrescriptionException;
import org.vigil.core.session.OverrideNotAllowedException;
import org.vigil.core.session.SessionEndedException;
import org.vigil.core.session.WorkflowStepRefusedException;

/**
 * A command the domain refuses is answered with a clear 4xx and the domain's own reason; nothing was changed.
 * Invalid values are 400, actions the state does not allow are 409, unknown sessions 404. A body that cannot be
 * read — broken JSON, {@code null}, a value of the wrong type — is 400 naming the field, before any command is
 * sent. Every refusal has the same shape: {@code {"error": "...", "reason": "..."}}.
 */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Map<String, String>> refused(CommandExecutionException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return body(statusOf(cause), cause.getMessage() != null ? reasonOf(cause) : e.getMessage());
    }

    @ExceptionHandler({AggregateNotFoundException.class, SessionEndedException.class,
            AlarmNotActiveException.class, OverrideNotAllowedException.class, InvalidPrescriptionException.class,
            WorkflowStepRefusedException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, String>> domain(RuntimeException e) {
        return body(statusOf(e), reasonOf(e));
    }

    /** Broken JSON, a {@code null} or missing body, a value of the wrong type: 400 naming the field. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, UnreadableBodies.reason(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> wrongParameter(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return body(HttpStatus.BAD_REQUEST, "parameter " + e.getName() + ": \"" + e.getValue()
                + "\" is not a valid " + expected);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> notJson(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the body must be JSON (Content-Type: application/json)");
    }

    /** Unknown ids and other refusals a controller words itself: its status, with its reason in the body. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, String>> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return body(status, e.getReason());
    }

    private static String reasonOf(Throwable e) {
        return e instanceof AggregateNotFoundException notFound
                ? "unknown id " + notFound.getAggregateIdentifier() + ": " + e.getMessage() : e.getMessage();
    }

    private static HttpStatus statusOf(Throwable cause) {
        if (cause instanceof AggregateNotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (cause instanceof SessionEndedException || cause instanceof AlarmNotActiveException
                || cause instanceof OverrideNotAllowedException || cause instanceof WorkflowStepRefusedException) {
            return HttpStatus.CONFLICT;
        }
        return HttpStatus.BAD_REQUEST;
    }

    private static ResponseEntity<Map<String, String>> body(HttpStatus status, String reason) {
        return ResponseEntity.status(status).body(Map.of("error", status.getReasonPhrase(),
                "reason", reason == null ? status.getReasonPhrase() : reason));
    }
}
