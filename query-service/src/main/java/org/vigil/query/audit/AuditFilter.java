package org.vigil.query.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vigil.core.api.RecordAccess;
import org.vigil.core.api.SessionId;

/**
 * Every answered read of a session's record — the review page, the timeline, the REMS form, the CSV, FHIR and PDF
 * exports — is recorded with the user, the session and the time ({@link RecordAccesses}). A refused or failed
 * request read nothing and is not recorded. The paths are listed here, in one place.
 */
@Component
class AuditFilter extends OncePerRequestFilter {

    private record Route(Pattern path, RecordAccess access) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route(Pattern.compile("/api/sessions/([^/]+)/timeline"), RecordAccess.TIMELINE),
            new Route(Pattern.compile("/api/sessions/([^/]+)/rems"), RecordAccess.REMS),
            new Route(Pattern.compile("/review/([^/]+)/rems"), RecordAccess.REMS),
            new Route(Pattern.compile("/api/sessions/([^/]+)/export\\.csv"), RecordAccess.CSV),
            new Route(Pattern.compile("/api/sessions/([^/]+)/fhir"), RecordAccess.FHIR),
            new Route(Pattern.compile("/api/sessions/([^/]+)/report\\.pdf"), RecordAccess.REPORT),
            new Route(Pattern.compile("/api/sessions/([^/]+)/review"), RecordAccess.REVIEW),
            new Route(Pattern.compile("/review/(?!patients/)([^/]+)"), RecordAccess.REVIEW));

    private final RecordAccesses accesses;

    AuditFilter(RecordAccesses accesses) {
        this.accesses = accesses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (!"GET".equals(request.getMethod()) || response.getStatus() >= 400 || request.getRemoteUser() == null) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Route route : ROUTES) {
            Matcher matcher = route.path().matcher(path);
            if (matcher.matches()) {
                accesses.read(new SessionId(matcher.group(1)), route.access(), request.getRemoteUser(),
                        moment(request.getParameter("at")));
                return;
            }
        }
    }

    private static Instant moment(String at) {
        try {
            return at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
