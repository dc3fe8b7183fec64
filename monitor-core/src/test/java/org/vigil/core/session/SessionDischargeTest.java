package org.vigil.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.HIGH_ALARM;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.highRaised;
import static org.vigil.core.session.WorkflowTestData.IV_OBSERVE_UNTIL;
import static org.vigil.core.session.WorkflowTestData.assessedMet;
import static org.vigil.core.session.WorkflowTestData.assessedUnmet;
import static org.vigil.core.session.WorkflowTestData.concat;
import static org.vigil.core.session.WorkflowTestData.ivDischarged;
import static org.vigil.core.session.WorkflowTestData.ivDocumented;
import static org.vigil.core.session.WorkflowTestData.ivObserving;
import static org.vigil.core.session.WorkflowTestData.vitals;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AssessDischargeCommand;
import org.vigil.core.api.DischargeAssessedEvent;
import org.vigil.core.api.DischargePatientCommand;
import org.vigil.core.api.DocumentSessionCommand;
import org.vigil.core.api.PatientDischargedEvent;
import org.vigil.core.api.ReviewSessionCommand;
import org.vigil.core.api.SessionDocumentedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionReviewedEvent;
import org.vigil.core.testing.JacksonTestSerializer;

/** Discharge assessment, discharge, documentation and review (docs/DOMAIN.md, "Session lifecycle"). */
class SessionDischargeTest {

    private static final Instant ASSESS_AT = IV_OBSERVE_UNTIL.plusSeconds(60);

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    @Test
    void refusesTheDischargeAssessmentBeforeTheMinimumObservation() {
        // when / then
        fixture.given(ivObserving())
                .when(new AssessDischargeCommand(SESSION, 10, "nurse", IV_OBSERVE_UNTIL.minusSeconds(1)))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1: observation runs until 2026-03-02T10:55:00Z (1 h after "
                        + "the infusion ended): discharge can be assessed from then")
                .expectNoEvents();
    }

    @Test
    void assessesDischargeAsMetFromTheLatestReadings() {
        // when / then
        fixture.given(concat(ivObserving(), vitals("BP-9", 130, 82, 97, ASSESS_AT.minusSeconds(120))))
                .when(new AssessDischargeCommand(SESSION, 10, "nurse", ASSESS_AT))
                .expectEvents(assessedMet(ASSESS_AT));
    }

    @Test
    void assessesDischargeAsNotMetAndSaysWhy() {
        // when / then
        fixture.given(concat(ivObserving(), vitals("BP-9", 152, 82, 94, ASSESS_AT.minusSeconds(120))))
                .when(new AssessDischargeCommand(SESSION, 8, "nurse", ASSESS_AT))
                .expectEvents(new DischargeAssessedEvent(SESSION, CHAIR, false, List.of(
                        "SBP 152 mmHg is 24 mmHg above baseline 128 (at most 20)", "SpO2 94 % is below 95 %",
                        "Aldrete score 8 is below 9"), 152, 82, 94.0, 8, "nurse", ASSESS_AT));
    }

    @Test
    void refusesADischargeAssessmentWithoutAnAldreteScore() {
        // when / then
        fixture.given(ivObserving())
                .when(new AssessDischargeCommand(SESSION, null, "nurse", ASSESS_AT))
                .expectException(InvalidWorkflowCommandException.class)
                .expectExceptionMessage("cannot assess discharge in session session-1: the Aldrete score (0 to 10) is "
                        + "required, got null")
                .expectNoEvents();
    }

    @Test
    void refusesADischargeAssessmentDuringDosing() {
        // when / then
        fixture.given(WorkflowTestData.ivDosing())
                .when(new AssessDischargeCommand(SESSION, 10, "nurse", ASSESS_AT))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in DOSING: cannot assess discharge; allowed next: start "
                        + "observation, escalate to a provider, transfer to emergency care, add a note")
                .expectNoEvents();
    }

    @Test
    void dischargesWhenTheCriteriaAreMetAndFreesTheChair() {
        // given
        Instant at = ASSESS_AT.plusSeconds(60);

        // when / then
        fixture.given(concat(ivObserving(), highRaised(), assessedMet(ASSESS_AT)))
                .when(new DischargePatientCommand(SESSION, null, "nurse", at))
                .expectEvents(new PatientDischargedEvent(SESSION, CHAIR, List.of(), null, "nurse", at),
                        new AlarmClearedEvent(HIGH_ALARM, SESSION, CHAIR, at),
                        new SessionEndedEvent(SESSION, CHAIR, "discharged", at));
    }

    @Test
    void refusesDischargeWhenTheCriteriaAreNotMet() {
        // when / then
        fixture.given(concat(ivObserving(), assessedUnmet(ASSESS_AT)))
                .when(new DischargePatientCommand(SESSION, null, "nurse", ASSESS_AT.plusSeconds(60)))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1: discharge criteria not met: SBP 152 mmHg is 24 mmHg above "
                        + "baseline 128 (at most 20). Assess again, or a provider may discharge with a reason")
                .expectNoEvents();
    }

    @Test
    void aProviderDischargesDespiteUnmetCriteriaWithAReason() {
        // given
        Instant at = ASSESS_AT.plusSeconds(60);

        // when / then
        fixture.given(concat(ivObserving(), assessedUnmet(ASSESS_AT)))
                .when(new DischargePatientCommand(SESSION, "SBP at her usual level", "director", at))
                .expectEvents(new PatientDischargedEvent(SESSION, CHAIR,
                                List.of("SBP 152 mmHg is 24 mmHg above baseline 128 (at most 20)"),
                                "SBP at her usual level", "director", at),
                        new SessionEndedEvent(SESSION, CHAIR, "discharged", at));
    }

    @Test
    void refusesDischargeBeforeTheAssessment() {
        // when / then
        fixture.given(ivObserving())
                .when(new DischargePatientCommand(SESSION, null, "nurse", ASSESS_AT))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in OBSERVATION: cannot discharge the patient; allowed "
                        + "next: assess discharge, escalate to a provider, transfer to emergency care, add a note")
                .expectNoEvents();
    }

    @Test
    void refusesToDischargeTwice() {
        // when / then
        fixture.given(ivDischarged())
                .when(new DischargePatientCommand(SESSION, null, "nurse", ASSESS_AT.plusSeconds(300)))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in DISCHARGED: cannot discharge the patient; allowed "
                        + "next: document the session, add a note")
                .expectNoEvents();
    }

    @Test
    void documentsADischargedSession() {
        // given
        Instant at = ASSESS_AT.plusSeconds(900);

        // when / then
        fixture.given(ivDischarged())
                .when(new DocumentSessionCommand(SESSION, "REMS form filed", "nurse", at))
                .expectEvents(new SessionDocumentedEvent(SESSION, CHAIR, "REMS form filed", "nurse", at));
    }

    @Test
    void refusesDocumentationBeforeThePatientLeft() {
        // when / then
        fixture.given(ivObserving())
                .when(new DocumentSessionCommand(SESSION, "early", "nurse", ASSESS_AT))
                .expectException(WorkflowStepRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void aDirectorReviewsADocumentedSession() {
        // given
        Instant at = ASSESS_AT.plusSeconds(3600);

        // when / then
        fixture.given(ivDocumented())
                .when(new ReviewSessionCommand(SESSION, "dose and curve as expected", "director", at))
                .expectEvents(new SessionReviewedEvent(SESSION, CHAIR, "dose and curve as expected", "director", at));
    }

    @Test
    void refusesAReviewBeforeTheDocumentation() {
        // when / then
        fixture.given(ivDischarged())
                .when(new ReviewSessionCommand(SESSION, "too soon", "director", ASSESS_AT.plusSeconds(600)))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in DISCHARGED: cannot review the session (provider); "
                        + "allowed next: document the session, add a note")
                .expectNoEvents();
    }

    @Test
    void refusesASecondReview() {
        // given
        var reviewed = new SessionReviewedEvent(SESSION, CHAIR, null, "director", ASSESS_AT.plusSeconds(3600));

        // when / then
        fixture.given(concat(ivDocumented(), reviewed))
                .when(new ReviewSessionCommand(SESSION, "again", "director", ASSESS_AT.plusSeconds(7200)))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in REVIEWED: cannot review the session (provider); "
                        + "allowed next: add a note")
                .expectNoEvents();
    }

    @Test
    void keepsTheWorkflowThroughAJacksonSnapshot() {
        // when / then
        fixture.given(concat(ivObserving(), vitals("BP-9", 130, 82, 97, ASSESS_AT.minusSeconds(120))))
                .when(new AssessDischargeCommand(SESSION, 10, "nurse", ASSESS_AT))
                .expectState(session -> {
                    String json = JacksonTestSerializer.toJson(session);
                    Session restored = JacksonTestSerializer.fromJson(json, Session.class);
                    assertThat(JacksonTestSerializer.toJson(restored)).isEqualTo(json);
                    assertThat(json).contains("\"state\":\"DISCHARGE_ASSESSMENT\"", "\"dischargeCriteriaMet\":true",
                            "\"esketamineDeviceSpacing\"");
                });
    }
}
