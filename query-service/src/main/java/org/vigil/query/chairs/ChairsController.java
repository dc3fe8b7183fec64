package org.vigil.query.chairs;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.core.api.ChairId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.core.api.ChairView;

/** {@code GET /api/chairs}: the live state of every chair. */
@RestController
class ChairsController {

    private final ChairsProjection chairs;
    private final ChairTrends trends;

    ChairsController(ChairsProjection chairs, ChairTrends trends) {
        this.chairs = chairs;
        this.trends = trends;
    }

    @GetMapping("/api/chairs")
    List<ChairView> chairs() {
        return chairs.all();
    }

    /** {@code GET /api/chairs/{chairId}/trends?minutes=30}: heart rate and blood pressure, for a tile's trend. */
    @GetMapping("/api/chairs/{chairId}/trends")
    ChairTrends.Trend trends(@PathVariable String chairId, @RequestParam(defaultValue = "30") int minutes) {
        ChairId chair = new ChairId(chairId);
        if (chairs.chair(chair).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no chair " + chairId);
        }
        if (minutes < 1 || minutes > ChairTrends.KEPT.toMinutes()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "minutes must be between 1 and " + ChairTrends.KEPT.toMinutes());
        }
        return trends.last(chair, Duration.ofMinutes(minutes));
    }
}
