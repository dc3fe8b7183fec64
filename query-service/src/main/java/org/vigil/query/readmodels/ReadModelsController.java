package org.vigil.query.readmodels;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * For engineers only: {@code GET /api/read-models} tells how far each persisted read model has come;
 * {@code POST /api/read-models/{name}/rebuild} rebuilds them from the first stored event, while the application runs
 * (the screens show the read models filling up again until the rebuild catches up). One processor feeds every read
 * model, so asking for one rebuilds them all ({@link ReadModels#rebuild}).
 */
@RestController
class ReadModelsController {

    private final ReadModels readModels;

    ReadModelsController(ReadModels readModels) {
        this.readModels = readModels;
    }

    @GetMapping("/api/read-models")
    List<ReadModels.Status> all() {
        return readModels.all();
    }

    @GetMapping("/api/read-models/{name}")
    ReadModels.Status one(@PathVariable String name) {
        return readModels.status(name).orElseThrow(() -> notFound(name));
    }

    @PostMapping("/api/read-models/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReadModels.Status rebuild(@PathVariable String name) {
        return readModels.rebuild(name).orElseThrow(() -> notFound(name));
    }

    private ResponseStatusException notFound(String name) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no read model " + name + "; there are "
                + String.join(", ", readModels.names()));
    }
}
