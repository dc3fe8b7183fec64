package org.vigil.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.PUMP;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.T0;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.core.api.DischargeAssessedEvent;
import org.vigil.core.api.DosingStartedEvent;
import org.vigil.core.api.EscalationResolvedEvent;
import org.vigil.core.api.GateHoldOverriddenEvent;
import org.vigil.core.api.InteractingMedication;
import org.vigil.core.api.PatientDischargedEvent;
import org.vigil.core.api.PreAssessmentRecordedEvent;
import org.vigil.core.api.SessionDeferredEvent;
import org.vigil.core.api.SessionDocumentedEvent;
import org.vigil.core.api.SessionEscalatedEvent;
import org.vigil.core.api.SessionNoteAddedEvent;
import org.vigil.core.api.SessionReviewedEvent;
import org.vigil.core.api.SessionScheduledEvent;
import org.vigil.core.api.SessionState;
import org.vigil.core.api.SessionTransferredEvent;
import org.vigil.core.api.Treatment;
import org.vigil.core.testing.JacksonTestSerializer;

/** Every workflow event survives Axon's Jackson serializer unchanged. */
class WorkflowEventSerializationTest {

    static Stream<Object> workflowEvents() {
        return Stream.of(
                new SessionScheduledEvent(SESSION, CHAIR, "nurse", T0),
                WorkflowTestData.checkedIn(),
                new PreAssessmentRecordedEvent(SESSION, CHAIR, 71.5, WorkflowTestData.ASSESSED,
                        Set.of(InteractingMedication.BENZODIAZEPINE, InteractingMedication.PSYCHOSTIMULANT), false,
                        null, "nurse", T0),
                WorkflowTestData.gateHeld(),
                new GateHoldOverriddenEvent(SESSION, CHAIR, WorkflowTestData.HOLD_REASONS, "white coat", "director",
                        T0),
                new SessionDeferredEvent(SESSION, CHAIR, "BP high", "nurse", T0),
                new DosingStartedEvent(SESSION, CHAIR, Treatment.IV_KETAMINE, null, PUMP, T0),
                WorkflowTestData.device(2, T0),
                WorkflowTestData.ivObservationStarted(),
                new DischargeAssessedEvent(SESSION, CHAIR, false, List.of("no SpO2 in the last 15 min"), 130, 82,
                        null, 9, "nurse", T0),
                new PatientDischargedEvent(SESSION, CHAIR, List.of("Aldrete score 8 is below 9"), "usual level",
                        "director", T0),
                new SessionDocumentedEvent(SESSION, CHAIR, null, "nurse", T0),
                new SessionReviewedEvent(SESSION, CHAIR, "fine", "director", T0),
                new SessionEscalatedEvent(SESSION, CHAIR, SessionState.OBSERVATION, "agitated", "nurse", T0),
                new EscalationResolvedEvent(SESSION, CHAIR, SessionState.OBSERVATION, null, "director", T0),
                new SessionTransferredEvent(SESSION, CHAIR, SessionState.ESCALATED, "chest pain", "director", T0),
                new SessionNoteAddedEvent(SESSION, CHAIR, "called home", "nurse", T0));
    }

    @ParameterizedTest
    @MethodSource("workflowEvents")
    void survivesTheJacksonSerializer(Object event) {
        // when
        String json = JacksonTestSerializer.toJson(event);
        Object read = JacksonTestSerializer.fromJson(json, event.getClass());

        // then
        assertThat(read).isEqualTo(event);
    }
}
