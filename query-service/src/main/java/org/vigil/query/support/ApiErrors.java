package org.vigil.query.support;

import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.vigil.core.session.AlarmNotActiveException;
import org.vigil.core.session.InvalidPrescriptionException;
import org.vigil.core.session.OverrideNotAllowedException;
import org.vigil.core.session.SessionEndedException;
import org.vigil.core.session.WorkflowStepRefusedException;

/**
 * A command the domain refuses is answered with a clear 4xx and the domain's own reason; nothing was changed.
 * Invalid values are 400, actions the state does not allow are 409, unknown sessions 404.
 */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Map<String, String>> refused(CommandExecutionException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return body(statusOf(cause), cause.getMessage() != null ? cause.getMessage() : e.getMessage());
    }

    @ExceptionHandler({AggregateNotFoundException.class, SessionEndedException.class,
            AlarmNotActiveException.class, OverrideNotAllowedException.class, InvalidPrescriptionException.class,
            WorkflowStepRefusedException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, String>> domain(RuntimeException e) {
        return body(statusOf(e), e.getMessage());
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
