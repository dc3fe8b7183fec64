package org.vigil.query.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.core.api.SessionId;
import org.vigil.query.sessionrecord.SessionRecords;

/**
 * {@code GET /api/sessions/{id}/fhir}, for directors: the session as a FHIR R4 Bundle ({@link SessionBundle}) in
 * FHIR's JSON, {@code application/fhir+json}, for an electronic health record or a registry.
 */
@RestController
class FhirController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

    private final SessionRecords records;
    private final FhirContext fhir = FhirContext.forR4Cached();

    FhirController(SessionRecords records) {
        this.records = records;
    }

    @GetMapping("/api/sessions/{id}/fhir")
    ResponseEntity<String> bundle(@PathVariable String id) {
        String json = records.of(new SessionId(id))
                .map(SessionBundle::of)
                .map(bundle -> fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no session " + id));
        return ResponseEntity.ok().contentType(FHIR_JSON).body(json);
    }
}
