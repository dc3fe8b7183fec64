package org.vigil.query.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/station}: what the nurses' station page needs before it shows anything — who is logged in (for
 * the header and the logout form), how often the live stream sends a heartbeat (so the page can tell a quiet
 * clinic from a dead connection after two missed heartbeats), and Vigil's clock (so ages and countdowns are right
 * on a tablet whose own clock is off). Reading the CSRF token here makes Spring Security write the
 * {@code XSRF-TOKEN} cookie that the page echoes on every POST; login clears that cookie.
 */
@RestController
class StationController {

    private final long heartbeatMs;
    private final Clock clock;

    StationController(@Value("${vigil.stream.heartbeat-ms:5000}") long heartbeatMs, Clock clock) {
        this.heartbeatMs = heartbeatMs;
        this.clock = clock;
    }

    @GetMapping("/api/station")
    Station station(Authentication authentication, CsrfToken csrf) {
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .toList();
        return new Station(authentication.getName(), roles, heartbeatMs, clock.instant(), csrf.getHeaderName(),
                csrf.getToken());
    }

    /**
     * @param csrfHeader the header a POST carries the token in; the token is also in the {@code XSRF-TOKEN} cookie
     */
    record Station(String user, List<String> roles, long heartbeatMs, Instant serverTime, String csrfHeader,
                   String csrfToken) {
    }
}
