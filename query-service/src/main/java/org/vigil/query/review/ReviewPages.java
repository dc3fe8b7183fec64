package org.vigil.query.review;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The medical director's review pages (docs/DESIGN.md, "Interfaces"): {@code /review}, the sessions list, and
 * {@code /review/{sessionId}}, one session; both are static pages that read the review API.
 */
@Controller
class ReviewPages {

    @GetMapping("/review")
    String sessions() {
        return "forward:/review/sessions.html";
    }

    @GetMapping("/review/{sessionId:[^.]+}")
    String session() {
        return "forward:/review/session.html";
    }
}
