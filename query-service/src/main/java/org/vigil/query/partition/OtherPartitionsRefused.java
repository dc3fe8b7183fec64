package org.vigil.query.partition;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;
import org.vigil.query.settings.NodePartition;

/**
 * A change through the API ({@code POST} and the like) under {@code /api/sessions/{id}/…},
 * {@code /api/chairs/{id}/…} or {@code /api/alarms/{id}/…} (an alarm once the shared alarm records hold it) that
 * concerns a chair of another partition is answered 421 Misdirected Request, with
 * the partition to ask, before any controller acts on it; so is a booking at such a chair
 * ({@link ChairOfAnotherPartitionException} from the workflow). Reads are answered by every node.
 */
@Component
class OtherPartitionsRefused extends OncePerRequestFilter {

    private static final Pattern SESSION = Pattern.compile("^/api/sessions/([^/]+)(/.*)?$");
    private static final Pattern CHAIR = Pattern.compile("^/api/chairs/([^/]+)(/.*)?$");
    private static final Pattern ALARM = Pattern.compile("^/api/alarms/([^/]+)(/.*)?$");
    /** 421 Misdirected Request (RFC 9110): this server is not the one to answer it. */
    private static final int MISDIRECTED = 421;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodePartition partition;
    private final ChairPartitions chairs;

    OtherPartitionsRefused(NodePartition partition, ChairPartitions chairs) {
        this.partition = partition;
        this.chairs = chairs;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return partition.name().isEmpty() || HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method)
                || HttpMethod.OPTIONS.matches(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        try {
            Matcher session = SESSION.matcher(path);
            Matcher chair = CHAIR.matcher(path);
            Matcher alarm = ALARM.matcher(path);
            if (session.matches()) {
                chairs.requireOwnSession(new SessionId(session.group(1)));
            } else if (chair.matches()) {
                chairs.requireOwn(new ChairId(chair.group(1)));
            } else if (alarm.matches()) {
                chairs.requireOwnAlarm(alarm.group(1));
            }
        } catch (ChairOfAnotherPartitionException e) {
            response.setStatus(MISDIRECTED);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            JSON.writeValue(response.getWriter(), body(e));
            return;
        }
        chain.doFilter(request, response);
    }

    private static Map<String, String> body(ChairOfAnotherPartitionException e) {
        return Map.of("error", "Misdirected Request", "reason", e.getMessage(),
                "partition", e.partition());
    }

    /** The same answer when a controller finds the chair of another partition, e.g. a booking. */
    @RestControllerAdvice
    static class Refusals {

        @ExceptionHandler(ChairOfAnotherPartitionException.class)
        ResponseEntity<Map<String, String>> misdirected(ChairOfAnotherPartitionException e) {
            return ResponseEntity.status(MISDIRECTED).body(body(e));
        }
    }
}
