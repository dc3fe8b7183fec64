package org.vigil.query.review;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.core.api.SessionId;

/** {@code GET /api/sessions/{id}/review}: everything the review page of one session draws, in one answer. */
@RestController
class ReviewController {

    private final SessionReview reviews;

    ReviewController(SessionReview reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/api/sessions/{id}/review")
    ReviewData review(@PathVariable String id) {
        return reviews.of(new SessionId(id)).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no session " + id));
    }
}
