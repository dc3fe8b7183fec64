package org.vigil.query.sessions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SessionSummary;
import org.vigil.core.api.Vital;
import org.vigil.core.api.VitalReading;
import org.vigil.query.support.ParsedTexts;
import org.vigil.query.support.PerBatch;
import org.vigil.query.support.ProcessingGroups;

/**
 * The sessions index in the database ({@link SessionRow}), fed by the tracking processor
 * {@value ProcessingGroups#SESSIONS}: every session with its summary, the number of device messages recorded for
 * it and the latest value of each vital. A batch of events is written at once: the observations of a batch are
 * gathered per session and written when the batch commits, with the processor's token.
 */
@Component
@ProcessingGroup(ProcessingGroups.SESSIONS)
public class SessionsProjection {

    private static final String BATCH = PerBatch.key(SessionsProjection.class);
    private static final TypeReference<Map<Vital, VitalReading>> VITALS = new TypeReference<>() {
    };
    /** The sessions whose latest vitals are kept parsed between batches: a clinic group's running sessions. */
    private static final int PARSED_ROWS = 4096;

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final ParsedTexts<Map<Vital, VitalReading>> latestVitals = new ParsedTexts<>(PARSED_ROWS, this::parse);

    SessionsProjection(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Every session, newest first. */
    public List<SessionSummary> all() {
        return entityManager.createQuery("select s from SessionRow s order by s.startedAt desc", SessionRow.class)
                .getResultList().stream().map(SessionRow::summary).toList();
    }

    /** One page of the sessions matching {@code search}, in its order; ties go newest first. */
    public SessionListing search(SessionSearch search) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        criterion(where, parameters, "s.startedAt >= :from", "from", search.from());
        criterion(where, parameters, "s.startedAt < :to", "to", search.to());
        criterion(where, parameters, "s.chairId = :chair", "chair", blankToNull(search.chair()));
        criterion(where, parameters, "s.patientPseudonym = :patient", "patient", blankToNull(search.patient()));
        criterion(where, parameters, "s.treatment = :treatment", "treatment", search.treatment());
        if (search.highAlarm()) {
            where.append(" and s.highAlarms > 0");
        }
        if (search.doseMismatch()) {
            where.append(" and s.doseMismatch = true");
        }
        if (search.remsIncomplete()) {
            // the rems-forms read model (org.vigil.query.rems) keeps one row per esketamine session
            where.append(" and s.sessionId in (select r.sessionId from RemsFormRow r where r.complete = false)");
        }
        String order = " order by s." + SessionSearch.SORTS.get(search.sort()) + (search.ascending() ? " asc" : " desc")
                + ", s.startedAt desc, s.sessionId";
        TypedQuery<SessionRow> rows = entityManager.createQuery("select s from SessionRow s" + where + order,
                SessionRow.class);
        TypedQuery<Long> count = entityManager.createQuery("select count(s) from SessionRow s" + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<SessionListing.Row> page = rows.setFirstResult(search.page() * search.size())
                .setMaxResults(search.size()).getResultList().stream()
                .map(row -> new SessionListing.Row(row.summary(), row.observationMessages(), row.highAlarms(),
                        row.doseMismatch()))
                .toList();
        return new SessionListing(page, count.getSingleResult(), search.page(), search.size());
    }

    private static void criterion(StringBuilder where, Map<String, Object> parameters, String clause, String name,
                                  Object value) {
        if (value != null) {
            where.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public boolean exists(SessionId id) {
        return entityManager.find(SessionRow.class, id.value()) != null;
    }

    /** The session's summary, observation messages and latest vitals; empty when it is unknown. */
    Optional<IndexedSession> find(SessionId id) {
        return Optional.ofNullable(entityManager.find(SessionRow.class, id.value()))
                .map(row -> new IndexedSession(row.summary(), row.observationMessages(), vitals(row)));
    }

    record IndexedSession(SessionSummary summary, long observationMessages, Map<Vital, VitalReading> vitals) {
    }

    @EventHandler
    void on(SessionStartedEvent event) {
        if (entityManager.find(SessionRow.class, event.sessionId().value()) == null) {
            entityManager.persist(new SessionRow(event));
        }
    }

    @EventHandler
    void on(SessionEndedEvent event) {
        row(event.sessionId()).ifPresent(row -> row.ended(event.endedAt()));
    }

    @EventHandler
    void on(AlarmRaisedEvent event) {
        row(event.sessionId()).ifPresent(row -> row.raised(event));
    }

    @EventHandler
    void on(ObservationsRecordedEvent event) {
        if (event.sessionId() == null) {
            return;
        }
        PerBatch.of(BATCH, Observed::new, this::write).add(event);
    }

    @ResetHandler
    void reset() {
        entityManager.createQuery("delete from SessionRow").executeUpdate();
    }

    private Optional<SessionRow> row(SessionId id) {
        return Optional.ofNullable(entityManager.find(SessionRow.class, id.value()));
    }

    private void write(Observed observed) {
        observed.sessions.forEach((id, latest) -> row(id).ifPresent(row -> {
            Map<Vital, VitalReading> vitals = new EnumMap<>(Vital.class);
            if (row.latestVitals() != null) {
                vitals.putAll(latestVitals.parsed(id.value(), row.latestVitals()));
            }
            vitals.putAll(latest.vitals);
            String text = text(vitals);
            row.countObservations(latest.messages);
            row.latestVitals(text);
            latestVitals.wrote(id.value(), text, Map.copyOf(vitals));
        }));
    }

    private Map<Vital, VitalReading> vitals(SessionRow row) {
        Map<Vital, VitalReading> vitals = new EnumMap<>(Vital.class);
        if (row.latestVitals() != null) {
            vitals.putAll(parse(row.sessionId(), row.latestVitals()));
        }
        return vitals;
    }

    private Map<Vital, VitalReading> parse(String session, String text) {
        try {
            return Map.copyOf(json.readValue(text, VITALS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("latest vitals of session " + session + " are not readable", e);
        }
    }

    private String text(Map<Vital, VitalReading> vitals) {
        try {
            String text = json.writeValueAsString(vitals);
            if (text.length() > SessionRow.VITALS_LENGTH) {
                throw new IllegalStateException("latest vitals longer than " + SessionRow.VITALS_LENGTH);
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write latest vitals", e);
        }
    }

    /** The observations of one batch: per session, how many messages and the latest value of each vital. */
    private static final class Observed {

        private final Map<SessionId, Latest> sessions = new LinkedHashMap<>();

        void add(ObservationsRecordedEvent event) {
            Latest latest = sessions.computeIfAbsent(event.sessionId(), id -> new Latest());
            latest.messages++;
            event.observations().forEach(o -> o.vital().ifPresent(v -> latest.vitals.put(v, new VitalReading(v,
                    o.value(), o.unit(), event.deviceId(), o.deviceTime() != null ? o.deviceTime()
                    : event.deviceTime(), event.receivedAt()))));
        }
    }

    private static final class Latest {

        private long messages;
        private final Map<Vital, VitalReading> vitals = new EnumMap<>(Vital.class);
    }
}
