package org.vigil.query.leadership;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A node that is not active answers reads but refuses every change through the API with 503 and
 * {@code Retry-After}: a session started or an alarm acknowledged there would be decided by a node that is not the
 * one watching the chairs. A clinic reaches the active node through its virtual address or load balancer.
 */
@Component
class StandbyRefusesWrites extends OncePerRequestFilter {

    private final Leadership leadership;

    StandbyRefusesWrites(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return leadership.isActive() || !request.getRequestURI().startsWith("/api/")
                || HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method)
                || HttpMethod.OPTIONS.matches(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "2");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"this node is the standby; another node is active\",\"role\":\""
                + leadership.role().name().toLowerCase(Locale.ROOT) + "\"}");
    }
}
