package org.vigil.query.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.core.api.Treatment;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.protocol.DrugLimits;

/**
 * {@code GET /api/protocol}: what the station's forms need of the clinic's protocol — its name and version (a
 * booked session runs under it), the treatments, the drug library's soft and hard limits a prescription is shown
 * against before it is submitted, and the lowest Aldrete score that lets a patient go home.
 */
@RestController
class ProtocolController {

    private final ClinicProtocol protocol;

    ProtocolController(ClinicProtocol protocol) {
        this.protocol = protocol;
    }

    @GetMapping("/api/protocol")
    Protocol protocol() {
        return new Protocol(protocol.name(), protocol.version(), List.of(Treatment.values()),
                protocol.drugLibrary().drugs(), protocol.workflow().discharge().aldreteAtLeast());
    }

    record Protocol(String name, String version, List<Treatment> treatments, List<DrugLimits> drugs,
                    int aldreteAtLeast) {
    }
}
