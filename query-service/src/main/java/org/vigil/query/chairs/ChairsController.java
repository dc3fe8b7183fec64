package org.vigil.query.chairs;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.core.api.ChairView;

/** {@code GET /api/chairs}: the live state of every chair. */
@RestController
class ChairsController {

    private final ChairsProjection chairs;

    ChairsController(ChairsProjection chairs) {
        this.chairs = chairs;
    }

    @GetMapping("/api/chairs")
    List<ChairView> chairs() {
        return chairs.all();
    }
}
