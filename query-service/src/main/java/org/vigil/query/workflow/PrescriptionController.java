package org.vigil.query.workflow;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.core.api.PrescribeInfusionCommand;
import org.vigil.core.api.SessionId;

/**
 * {@code POST /api/sessions/{id}/prescription}: the session's infusion order — drug, mg/kg, duration in minutes,
 * concentration — recorded with who entered it. The expected dose and rate follow from the patient's weight.
 */
@RestController
class PrescriptionController {

    record PrescriptionRequest(String drug, double mgPerKg, int minutes, double concentrationMgPerMl) {
    }

    private final CommandGateway commands;
    private final Clock clock;

    PrescriptionController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/sessions/{id}/prescription")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void prescribe(@PathVariable String id, @RequestBody PrescriptionRequest request, Principal principal) {
        commands.sendAndWait(new PrescribeInfusionCommand(new SessionId(id), request.drug(), request.mgPerKg(),
                Duration.ofMinutes(request.minutes()), request.concentrationMgPerMl(), principal.getName(),
                clock.instant()));
    }
}
