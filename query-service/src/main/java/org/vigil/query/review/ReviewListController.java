package org.vigil.query.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.core.api.Treatment;
import org.vigil.query.sessions.SessionListing;
import org.vigil.query.sessions.SessionSearch;
import org.vigil.query.sessions.SessionsProjection;

/**
 * {@code GET /api/review/sessions}: the sessions list of the review, from the persisted sessions index — filtered by
 * the days the sessions started (in the clinic's time zone, {@code to} included), chair, patient pseudonym,
 * treatment, a HIGH alarm raised, a dose mismatch, an esketamine REMS form still incomplete; sorted and paged.
 */
@RestController
class ReviewListController {

    private final SessionsProjection sessions;
    private final ZoneId zone;

    ReviewListController(SessionsProjection sessions, Clock clock) {
        this.sessions = sessions;
        this.zone = clock.getZone();
    }

    @GetMapping("/api/review/sessions")
    SessionListing sessions(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String chair,
            @RequestParam(required = false) String patient,
            @RequestParam(required = false) Treatment treatment,
            @RequestParam(defaultValue = "false") boolean highAlarm,
            @RequestParam(defaultValue = "false") boolean doseMismatch,
            @RequestParam(defaultValue = "false") boolean remsIncomplete,
            @RequestParam(defaultValue = "startedAt") String sort,
            @RequestParam(defaultValue = "desc") String order,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        try {
            return sessions.search(new SessionSearch(from == null ? null : from.atStartOfDay(zone).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), chair, patient, treatment,
                    highAlarm, doseMismatch, remsIncomplete, sort, "asc".equalsIgnoreCase(order), page, size));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
