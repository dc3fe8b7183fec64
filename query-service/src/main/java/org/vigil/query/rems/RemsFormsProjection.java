package org.vigil.query.rems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import org.vigil.core.api.RemsFormView;
import org.vigil.core.api.RemsItem;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Treatment;
import org.vigil.query.support.ProcessingGroups;

/**
 * Whether each esketamine session's REMS form is complete ({@link RemsFormRow}), fed by the tracking processor
 * {@value ProcessingGroups#REMS_FORMS}, so the sessions list can show the ones still to complete without reading any
 * session's stream. Only the events that can change the form load a row ({@link RemsFacts#matters}): the session's
 * steps, its blood pressures and the director's completions; its other device messages pass by.
 */
@Component
@ProcessingGroup(ProcessingGroups.REMS_FORMS)
public class RemsFormsProjection {

    /** One esketamine session's form as the read model holds it. */
    public record RemsStatus(SessionId sessionId, boolean complete, List<RemsItem> missing,
                             Instant sendBy) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;

    RemsFormsProjection(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** The esketamine sessions whose form is complete ({@code true}) or not ({@code false}), by when to send it. */
    public List<RemsStatus> withComplete(boolean complete) {
        return entityManager.createQuery("select r from RemsFormRow r where r.complete = :complete"
                        + " order by r.sendBy", RemsFormRow.class)
                .setParameter("complete", complete)
                .getResultList().stream().map(RemsFormsProjection::status).toList();
    }

    @EventHandler
    void on(Object event) {
        if (!RemsFacts.matters(event)) {
            return;
        }
        if (event instanceof SessionStartedEvent started) {
            if (started.treatment() == Treatment.ESKETAMINE
                    && entityManager.find(RemsFormRow.class, started.sessionId().value()) == null) {
                RemsFormRow row = new RemsFormRow(started.sessionId().value());
                write(row, fold(new RemsFacts(), event));
                entityManager.persist(row);
            }
            return;
        }
        SessionId session = RemsFacts.sessionOf(event);
        RemsFormRow row = session == null ? null : entityManager.find(RemsFormRow.class, session.value());
        if (row != null) {
            write(row, fold(read(row), event));
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createQuery("delete from RemsFormRow").executeUpdate();
    }

    private static RemsFacts fold(RemsFacts facts, Object event) {
        facts.apply(event);
        return facts;
    }

    private RemsFacts read(RemsFormRow row) {
        try {
            return json.readValue(row.facts(), RemsFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("REMS facts of session " + row.sessionId() + " are not readable", e);
        }
    }

    private void write(RemsFormRow row, RemsFacts facts) {
        RemsFormView form = RemsForm.of(facts);
        try {
            String text = json.writeValueAsString(facts);
            if (text.length() > RemsFormRow.FACTS_LENGTH) {
                throw new IllegalStateException("REMS facts longer than " + RemsFormRow.FACTS_LENGTH);
            }
            row.update(text, form.complete(), form.missing().stream().map(RemsItem::name)
                    .collect(Collectors.joining(",")), form.sendBy());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the REMS facts of session " + row.sessionId(), e);
        }
    }

    private static RemsStatus status(RemsFormRow row) {
        List<RemsItem> missing = row.missing() == null || row.missing().isEmpty() ? List.of()
                : Arrays.stream(row.missing().split(",")).map(RemsItem::valueOf).toList();
        return new RemsStatus(new SessionId(row.sessionId()), row.complete(), missing, row.sendBy());
    }
}
