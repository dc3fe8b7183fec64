package org.vigil.query.workflow;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.core.api.AddSessionNoteCommand;
import org.vigil.core.api.AdministerEsketamineDeviceCommand;
import org.vigil.core.api.AssessDischargeCommand;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.CheckInPatientCommand;
import org.vigil.core.api.DeferSessionCommand;
import org.vigil.core.api.DischargePatientCommand;
import org.vigil.core.api.DocumentSessionCommand;
import org.vigil.core.api.EscalateSessionCommand;
import org.vigil.core.api.EvaluateGateCommand;
import org.vigil.core.api.InteractingMedication;
import org.vigil.core.api.OverrideGateHoldCommand;
import org.vigil.core.api.RecordPreAssessmentCommand;
import org.vigil.core.api.ResolveEscalationCommand;
import org.vigil.core.api.ReviewSessionCommand;
import org.vigil.core.api.ScheduleSessionCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionWorkflowView;
import org.vigil.core.api.StartDosingCommand;
import org.vigil.core.api.StartObservationCommand;
import org.vigil.core.api.TransferSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.session.InvalidWorkflowCommandException;

/**
 * The session workflow over HTTP (docs/DOMAIN.md, "Session lifecycle"): each step is a {@code POST} under
 * {@code /api/sessions/{id}/…}, recorded with the authenticated user and the clock's time, answered with the
 * session's workflow as it stands after the step. Overrides and review are for directors only (security
 * configuration); a step the state does not allow is a 409 naming the state and what is allowed.
 */
@RestController
@RequestMapping("/api/sessions")
class WorkflowController {

    record ScheduleRequest(String chairId, String patientPseudonym, Double weightKg, Integer ageYears,
                           Treatment treatment, BaselineVitals baseline) {
    }

    record PreAssessmentRequest(Double weightKg, BaselineVitals baseline,
                                Set<InteractingMedication> interactingMedications, Boolean rideHomeArranged,
                                String rideHome) {
    }

    record GateRequest(Integer systolic, Integer diastolic) {
    }

    record ReasonRequest(String reason) {
    }

    record DischargeAssessmentRequest(Integer aldreteScore) {
    }

    record TextRequest(String text) {
    }

    private final CommandGateway commands;
    private final WorkflowHistory history;
    private final FreeChairs freeChairs;
    private final ClinicProtocol protocol;
    private final Clock clock;

    WorkflowController(CommandGateway commands, WorkflowHistory history, FreeChairs freeChairs,
                       ClinicProtocol protocol, Clock clock) {
        this.commands = commands;
        this.history = history;
        this.freeChairs = freeChairs;
        this.protocol = protocol;
        this.clock = clock;
    }

    /** Books a patient at a free chair under the clinic's protocol; the session waits for check-in. */
    @PostMapping
    ResponseEntity<SessionWorkflowView> schedule(@RequestBody ScheduleRequest request, Principal user) {
        List<String> problems = new ArrayList<>();
        if (request.chairId() == null || request.chairId().isBlank()) {
            problems.add("a chair is required");
        }
        if (request.weightKg() == null) {
            problems.add("the weight is required");
        }
        if (request.ageYears() == null) {
            problems.add("the age is required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowCommandException("cannot schedule a session: " + String.join("; ", problems));
        }
        ChairId chair = new ChairId(request.chairId().strip());
        freeChairs.requireFree(chair);
        SessionId id = SessionId.random();
        commands.sendAndWait(new ScheduleSessionCommand(id, chair, request.patientPseudonym(), request.weightKg(),
                request.ageYears(), request.treatment(), request.baseline(), protocol.ref(), user.getName(),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/sessions/" + id)).body(view(id));
    }

    @GetMapping("/{id}/workflow")
    SessionWorkflowView workflow(@PathVariable String id) {
        return view(new SessionId(id));
    }

    /** The session as the station's panel shows it: workflow, steps allowed by name, steps taken, prescription. */
    @GetMapping("/{id}/panel")
    SessionPanel panel(@PathVariable String id) {
        return history.panel(new SessionId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no session " + id));
    }

    @PostMapping("/{id}/check-in")
    SessionWorkflowView checkIn(@PathVariable String id, Principal user) {
        return step(id, new CheckInPatientCommand(new SessionId(id), protocol.workflowRules(), user.getName(),
                clock.instant()));
    }

    @PostMapping("/{id}/pre-assessment")
    SessionWorkflowView preAssessment(@PathVariable String id, @RequestBody PreAssessmentRequest request,
                                      Principal user) {
        return step(id, new RecordPreAssessmentCommand(new SessionId(id),
                request.weightKg() == null ? 0 : request.weightKg(), request.baseline(),
                request.interactingMedications(), request.rideHomeArranged(), request.rideHome(), user.getName(),
                clock.instant()));
    }

    /** Without a body, the latest blood pressure recorded since check-in is judged. */
    @PostMapping("/{id}/gate")
    SessionWorkflowView gate(@PathVariable String id, @RequestBody(required = false) GateRequest request,
                             Principal user) {
        GateRequest values = request == null ? new GateRequest(null, null) : request;
        return step(id, new EvaluateGateCommand(new SessionId(id), values.systolic(), values.diastolic(),
                user.getName(), clock.instant()));
    }

    @PostMapping("/{id}/gate/override")
    SessionWorkflowView overrideGate(@PathVariable String id, @RequestBody(required = false) ReasonRequest request,
                                     Principal user) {
        return step(id, new OverrideGateHoldCommand(new SessionId(id), reason(request), user.getName(),
                clock.instant()));
    }

    @PostMapping("/{id}/defer")
    SessionWorkflowView defer(@PathVariable String id, @RequestBody(required = false) ReasonRequest request,
                              Principal user) {
        return step(id, new DeferSessionCommand(new SessionId(id), reason(request), user.getName(), clock.instant()));
    }

    @PostMapping("/{id}/dosing/start")
    SessionWorkflowView startDosing(@PathVariable String id, Principal user) {
        return step(id, new StartDosingCommand(new SessionId(id), user.getName(), clock.instant()));
    }

    @PostMapping("/{id}/esketamine-devices")
    SessionWorkflowView esketamineDevice(@PathVariable String id, Principal user) {
        return step(id, new AdministerEsketamineDeviceCommand(new SessionId(id), user.getName(), clock.instant()));
    }

    /** Dosing is finished: for IV, the infusion ended now. */
    @PostMapping("/{id}/observation")
    SessionWorkflowView observation(@PathVariable String id, Principal user) {
        return step(id, new StartObservationCommand(new SessionId(id), user.getName(), clock.instant()));
    }

    @PostMapping("/{id}/discharge-assessment")
    SessionWorkflowView dischargeAssessment(@PathVariable String id,
                                            @RequestBody(required = false) DischargeAssessmentRequest request,
                                            Principal user) {
        return step(id, new AssessDischargeCommand(new SessionId(id), request == null ? null : request.aldreteScore(),
                user.getName(), clock.instant()));
    }

    @PostMapping("/{id}/discharge")
    SessionWorkflowView discharge(@PathVariable String id, Principal user) {
        return step(id, new DischargePatientCommand(new SessionId(id), null, user.getName(), clock.instant()));
    }

    /** A provider discharges although the criteria are not met, with a reason. */
    @PostMapping("/{id}/discharge/override")
    SessionWorkflowView dischargeOverride(@PathVariable String id,
                                          @RequestBody(required = false) ReasonRequest request, Principal user) {
        String reason = reason(request);
        if (reason == null || reason.isBlank()) {
            throw new InvalidWorkflowCommandException("cannot discharge session " + id
                    + " against its criteria: a reason is required");
        }
        return step(id, new DischargePatientCommand(new SessionId(id), reason, user.getName(), clock.instant()));
    }

    @PostMapping("/{id}/documentation")
    SessionWorkflowView documentation(@PathVariable String id, @RequestBody(required = false) TextRequest request,
                                      Principal user) {
        return step(id, new DocumentSessionCommand(new SessionId(id), text(request), user.getName(), clock.instant()));
    }

    @PostMapping("/{id}/review")
    SessionWorkflowView review(@PathVariable String id, @RequestBody(required = false) TextRequest request,
                               Principal user) {
        return step(id, new ReviewSessionCommand(new SessionId(id), text(request), user.getName(), clock.instant()));
    }

    @PostMapping("/{id}/escalate")
    SessionWorkflowView escalate(@PathVariable String id, @RequestBody(required = false) ReasonRequest request,
                                 Principal user) {
        return step(id, new EscalateSessionCommand(new SessionId(id), reason(request), user.getName(),
                clock.instant()));
    }

    @PostMapping("/{id}/escalation/resolve")
    SessionWorkflowView resolveEscalation(@PathVariable String id, @RequestBody(required = false) TextRequest request,
                                          Principal user) {
        return step(id, new ResolveEscalationCommand(new SessionId(id), text(request), user.getName(),
                clock.instant()));
    }

    @PostMapping("/{id}/transfer")
    SessionWorkflowView transfer(@PathVariable String id, @RequestBody(required = false) ReasonRequest request,
                                 Principal user) {
        return step(id, new TransferSessionCommand(new SessionId(id), reason(request), user.getName(),
                clock.instant()));
    }

    @PostMapping("/{id}/notes")
    SessionWorkflowView note(@PathVariable String id, @RequestBody(required = false) TextRequest request,
                             Principal user) {
        return step(id, new AddSessionNoteCommand(new SessionId(id), text(request), user.getName(), clock.instant()));
    }

    private SessionWorkflowView step(String id, Object command) {
        commands.sendAndWait(command);
        return view(new SessionId(id));
    }

    private SessionWorkflowView view(SessionId id) {
        return history.of(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no session " + id));
    }

    private static String reason(ReasonRequest request) {
        return request == null ? null : request.reason();
    }

    private static String text(TextRequest request) {
        return request == null ? null : request.text();
    }
}
