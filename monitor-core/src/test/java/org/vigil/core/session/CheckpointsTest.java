package org.vigil.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.WorkflowTestData.ASSESSED_AT;
import static org.vigil.core.session.WorkflowTestData.CHECKED_IN_AT;
import static org.vigil.core.session.WorkflowTestData.DOSE_AT;
import static org.vigil.core.session.WorkflowTestData.checkedIn;
import static org.vigil.core.session.WorkflowTestData.device;
import static org.vigil.core.session.WorkflowTestData.dosingStarted;
import static org.vigil.core.session.WorkflowTestData.gatePassed;
import static org.vigil.core.session.WorkflowTestData.preAssessed;
import static org.vigil.core.session.WorkflowTestData.startedEsketamine;
import static org.vigil.core.session.WorkflowTestData.vitals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.Checkpoint;
import org.vigil.core.api.CheckpointStatus;
import org.vigil.core.api.CheckpointView;
import org.vigil.core.api.PatientDischargedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.Treatment;

/**
 * The esketamine REMS blood-pressure checks — before dosing, about 40 min after, before discharge (docs/DOMAIN.md,
 * "The treatment") — each due, done or overdue by its window. The dose starts at 09:15.
 */
class CheckpointsTest {

    private static SessionProgress esketamineDosedAt(Object... later) {
        SessionProgress progress = new SessionProgress();
        List.of(startedEsketamine(), checkedIn(), preAssessed(), gatePassed(), dosingStarted(Treatment.ESKETAMINE),
                device(1, DOSE_AT)).forEach(progress::apply);
        List.of(later).forEach(progress::apply);
        return progress;
    }

    private static Instant minutesAfterDose(String minutesAndSeconds) {
        String[] parts = minutesAndSeconds.split(":");
        return DOSE_AT.plus(Duration.ofMinutes(Long.parseLong(parts[0]))).plusSeconds(Long.parseLong(parts[1]));
    }

    private static CheckpointView checkpoint(SessionProgress progress, String label, Instant now) {
        return progress.checkpoints(now).stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "reading at {0}, asked at {1}: {2}")
    @CsvSource({
            "-,     35:00, DUE",
            "-,     50:00, DUE",
            "-,     50:01, OVERDUE",
            "29:59, 50:01, OVERDUE",
            "30:00, 35:00, DONE",
            "40:00, 40:00, DONE",
            "50:00, 50:01, DONE",
            "50:01, 55:00, OVERDUE"})
    void theFortyMinuteCheckCountsAReadingWithinTenMinutesOfIt(String readingAt, String askedAt,
                                                               CheckpointStatus status) {
        // given
        SessionProgress progress = readingAt.equals("-") ? esketamineDosedAt()
                : esketamineDosedAt(vitals("BP-40", 142, 88, 97, minutesAfterDose(readingAt)));

        // when
        CheckpointView check = checkpoint(progress, Checkpoints.MID_OBSERVATION, minutesAfterDose(askedAt));

        // then
        assertThat(check.status()).isEqualTo(status);
        assertThat(check.dueAt()).isEqualTo(minutesAfterDose("40:00"));
    }

    @ParameterizedTest(name = "reading at {0}, asked at {1}: {2}")
    @CsvSource({
            "-,      110:00, DUE",
            "-,      135:00, DUE",
            "-,      135:01, OVERDUE",
            "104:59, 135:01, OVERDUE",
            "105:00, 110:00, DONE",
            "140:00, 140:00, DONE"})
    void theCheckBeforeDischargeCountsAReadingFromFifteenMinutesBeforeTheEndOfObservation(String readingAt,
                                                                                          String askedAt,
                                                                                          CheckpointStatus status) {
        // given
        SessionProgress progress = readingAt.equals("-") ? esketamineDosedAt()
                : esketamineDosedAt(vitals("BP-D", 128, 80, 97, minutesAfterDose(readingAt)));

        // when
        CheckpointView check = checkpoint(progress, Checkpoints.BEFORE_DISCHARGE, minutesAfterDose(askedAt));

        // then
        assertThat(check.status()).isEqualTo(status);
        assertThat(check.dueAt()).isEqualTo(DOSE_AT.plus(Duration.ofHours(2)));
    }

    @Test
    void theCheckBeforeDischargeIsOverdueWhenThePatientLeftWithoutOne() {
        // given
        Instant left = minutesAfterDose("125:00");
        SessionProgress progress = esketamineDosedAt(
                new PatientDischargedEvent(SESSION, CHAIR, List.of(), null, "nurse", left),
                new SessionEndedEvent(SESSION, CHAIR, "discharged", left));

        // when
        CheckpointView check = checkpoint(progress, Checkpoints.BEFORE_DISCHARGE, minutesAfterDose("126:00"));

        // then
        assertThat(check.status()).isEqualTo(CheckpointStatus.OVERDUE);
        assertThat(check.windowCloses()).isEqualTo(left);
    }

    @Test
    void theCheckBeforeDosingIsDoneByThePreAssessmentBloodPressure() {
        // when
        CheckpointView check = checkpoint(esketamineDosedAt(), Checkpoints.BEFORE_DOSING, minutesAfterDose("1:00"));

        // then
        assertThat(check).isEqualTo(new CheckpointView(Checkpoints.BEFORE_DOSING, CHECKED_IN_AT, CHECKED_IN_AT,
                DOSE_AT, CheckpointStatus.DONE, ASSESSED_AT));
    }

    @Test
    void theCheckBeforeDosingIsOverdueWhenDosingStartedWithoutOne() {
        // given
        SessionProgress progress = new SessionProgress();
        List.of(startedEsketamine(), vitals("BP-0", 128, 80, 97, CHECKED_IN_AT.minusSeconds(60)), checkedIn(),
                dosingStarted(Treatment.ESKETAMINE)).forEach(progress::apply);

        // when
        CheckpointView check = checkpoint(progress, Checkpoints.BEFORE_DOSING, minutesAfterDose("1:00"));

        // then
        assertThat(check.status()).isEqualTo(CheckpointStatus.OVERDUE);
    }

    @Test
    void theNextCheckpointIsTheFirstStillToDo() {
        // given
        SessionProgress dosed = esketamineDosedAt();
        SessionProgress checkedAt40 = esketamineDosedAt(vitals("BP-40", 142, 88, 97, minutesAfterDose("41:00")));

        // when
        Checkpoint next = dosed.nextCheckpoint(minutesAfterDose("10:00"));
        Checkpoint afterForty = checkedAt40.nextCheckpoint(minutesAfterDose("45:00"));
        Checkpoint missedForty = dosed.nextCheckpoint(minutesAfterDose("51:00"));

        // then
        assertThat(next).isEqualTo(new Checkpoint(Checkpoints.MID_OBSERVATION, minutesAfterDose("40:00")));
        assertThat(afterForty).isEqualTo(new Checkpoint(Checkpoints.BEFORE_DISCHARGE, minutesAfterDose("120:00")));
        assertThat(missedForty).isEqualTo(afterForty);
    }

    @Test
    void aCheckWhoseTimeIsNotKnownYetIsNotNext() {
        // given
        SessionProgress dosing = new SessionProgress();
        WorkflowTestData.ivDosing().forEach(dosing::apply);
        SessionProgress observing = new SessionProgress();
        WorkflowTestData.ivObserving().forEach(observing::apply);

        // when
        Checkpoint whileInfusing = dosing.nextCheckpoint(minutesAfterDose("20:00"));
        Checkpoint afterInfusion = observing.nextCheckpoint(minutesAfterDose("50:00"));

        // then
        assertThat(whileInfusing).isNull();
        assertThat(afterInfusion).isEqualTo(new Checkpoint(Checkpoints.BEFORE_DISCHARGE,
                WorkflowTestData.IV_OBSERVE_UNTIL));
    }

    @Test
    void anIvSessionChecksBeforeDosingAndBeforeDischargeOnly() {
        // given
        SessionProgress progress = new SessionProgress();
        WorkflowTestData.ivObserving().forEach(progress::apply);

        // when
        List<CheckpointView> checks = progress.checkpoints(WorkflowTestData.IV_OBSERVE_UNTIL);

        // then
        assertThat(checks).extracting(CheckpointView::label)
                .containsExactly(Checkpoints.BEFORE_DOSING, Checkpoints.BEFORE_DISCHARGE);
        assertThat(checks.get(1).dueAt()).isEqualTo(WorkflowTestData.IV_OBSERVE_UNTIL);
    }
}
