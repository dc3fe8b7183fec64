package org.vigil.query.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Why a request body could not be read, in words a caller can act on: which field has a value of the wrong type,
 * that the JSON is broken, or that a body is required. Never the server's own method names or the whole input.
 */
final class UnreadableBodies {

    private static final int MAX_REASON = 300;

    private UnreadableBodies() {
    }

    static String reason(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        String reason;
        if (cause instanceof InvalidFormatException format) {
            reason = "field " + path(format) + ": " + quoted(format.getValue()) + " is not a valid "
                    + format.getTargetType().getSimpleName();
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            reason = "field " + path(mapping) + ": " + firstLine(mapping.getOriginalMessage());
        } else if (cause instanceof JsonMappingException mapping) {
            reason = "the body does not fit: " + firstLine(mapping.getOriginalMessage());
        } else if (cause instanceof JsonProcessingException json) {
            reason = "the body is not valid JSON: " + firstLine(json.getOriginalMessage());
        } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            reason = "a JSON object is required as the body";
        } else {
            reason = "the body could not be read as JSON";
        }
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String quoted(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
