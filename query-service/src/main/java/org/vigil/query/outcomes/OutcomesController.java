package org.vigil.query.outcomes;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.core.api.OutcomeInstrument;
import org.vigil.core.api.OutcomeScoreRecordedEvent;
import org.vigil.core.api.PatientSessionView;
import org.vigil.core.api.RecordOutcomeScoreCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionSummary;
import org.vigil.query.report.SummaryFigures;
import org.vigil.query.sessionrecord.SessionRecord;
import org.vigil.query.sessionrecord.SessionRecords;
import org.vigil.query.sessions.SessionsProjection;

/**
 * Outcome scores (MADRS, PHQ-9) entered per session ({@code POST}, {@code GET /api/sessions/{id}/scores}), and a
 * patient's series: every session of the pseudonym in order with its dose, its highest blood pressures and its
 * scores ({@code GET /api/patients/{pseudonym}/series}, and as a page at {@code /review/patients/{pseudonym}}).
 * Each session of the series is read from its own stream: a patient has tens of sessions, not thousands.
 */
@RestController
class OutcomesController {

    /** A score; {@code assessedAt} defaults to now. */
    record ScoreRequest(OutcomeInstrument instrument, Integer score, Instant assessedAt) {
    }

    private final CommandGateway commands;
    private final EventStore events;
    private final SessionsProjection sessions;
    private final SessionRecords records;
    private final Clock clock;

    OutcomesController(CommandGateway commands, EventStore events, SessionsProjection sessions,
                       SessionRecords records, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.sessions = sessions;
        this.records = records;
        this.clock = clock;
    }

    @PostMapping("/api/sessions/{id}/scores")
    List<OutcomeScoreRecordedEvent> record(@PathVariable String id, @RequestBody ScoreRequest request,
                                           Principal user) {
        SessionId session = existing(id);
        commands.sendAndWait(new RecordOutcomeScoreCommand(session, request.instrument(), request.score(),
                request.assessedAt(), user.getName(), clock.instant()));
        return scores(session);
    }

    @GetMapping("/api/sessions/{id}/scores")
    List<OutcomeScoreRecordedEvent> scores(@PathVariable String id) {
        return scores(existing(id));
    }

    @GetMapping("/api/patients/{pseudonym}/series")
    List<PatientSessionView> series(@PathVariable String pseudonym) {
        List<PatientSessionView> series = new ArrayList<>();
        sessions.all().stream()
                .filter(s -> pseudonym.equals(s.patientPseudonym()))
                .sorted(Comparator.comparing(SessionSummary::startedAt))
                .forEach(s -> records.of(s.sessionId()).ifPresent(r -> series.add(entry(r))));
        if (series.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no session of patient " + pseudonym);
        }
        return series;
    }

    @GetMapping(value = "/review/patients/{pseudonym}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String pseudonym) {
        return SeriesPage.html(pseudonym, series(pseudonym));
    }

    private PatientSessionView entry(SessionRecord record) {
        SummaryFigures figures = SummaryFigures.of(record);
        SessionSummary started = SessionSummary.started(record.started());
        return new PatientSessionView(started.sessionId(), started.startedAt(), started.treatment(),
                figures.prescribedMg().orElse(null), figures.deliveredMg(),
                figures.peakSystolic().map(p -> (int) Math.round(p.value())).orElse(null),
                figures.peakSystolic().map(SessionRecord.Reading::at).orElse(null),
                figures.peakDiastolic().map(p -> (int) Math.round(p.value())).orElse(null),
                figures.peakDiastolic().map(SessionRecord.Reading::at).orElse(null), scores(started.sessionId()));
    }

    private List<OutcomeScoreRecordedEvent> scores(SessionId session) {
        List<OutcomeScoreRecordedEvent> scores = new ArrayList<>();
        DomainEventStream stream = events.readEvents("scores-" + session.value(), 0L);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof OutcomeScoreRecordedEvent score) {
                scores.add(score);
            }
        }
        return scores;
    }

    private SessionId existing(String id) {
        SessionId session = new SessionId(id);
        if (!sessions.exists(session)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no session " + id);
        }
        return session;
    }
}
