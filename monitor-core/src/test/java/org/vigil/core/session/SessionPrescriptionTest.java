package org.vigil.core.session;

import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.T0;
import static org.vigil.core.session.SessionTestData.mediumRaised;
import static org.vigil.core.session.SessionTestData.MEDIUM_ALARM;
import static org.vigil.core.session.SessionTestData.raised;
import static org.vigil.core.session.SessionTestData.started;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.InfusionPrescribedEvent;
import org.vigil.core.api.OverrideSoftLimitCommand;
import org.vigil.core.api.PrescribeInfusionCommand;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SoftLimitOverriddenEvent;

/** The prescription and the override of a drug-library soft limit (docs/DOMAIN.md, "Infusion pumps"). */
class SessionPrescriptionTest {

    private static final Instant PRESCRIBED = T0.plusSeconds(300);
    private static final Instant OVERRIDDEN = T0.plusSeconds(900);
    private static final AlarmId SOFT = new AlarmId("alarm-soft");
    private static final AlarmId HARD = new AlarmId("alarm-hard");

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    @Test
    void prescribesTheStandardDoseWithWhatTheWeightMakesOfIt() {
        // given
        PrescribeInfusionCommand command = new PrescribeInfusionCommand(SESSION, "ketamine", 0.5,
                Duration.ofMinutes(40), 10.0, "dr-lee", PRESCRIBED);

        // when / then
        fixture.given(started())
                .when(command)
                .expectEvents(new InfusionPrescribedEvent(SESSION, CHAIR, "ketamine", 0.5, Duration.ofMinutes(40),
                        10.0, 70.0, 35.0, 3.5, 5.25, "dr-lee", PRESCRIBED));
    }

    @Test
    void rejectsAPrescriptionNamingEveryValueThatIsWrong() {
        // given
        PrescribeInfusionCommand command = new PrescribeInfusionCommand(SESSION, " ", 0, Duration.ZERO, -10,
                "", null);

        // when / then
        fixture.given(started())
                .when(command)
                .expectException(InvalidPrescriptionException.class)
                .expectExceptionMessage("cannot prescribe for session session-1: the drug must be named; "
                        + "the dose must be more than 0 mg/kg, got 0.0; the duration must be more than 0 minutes, "
                        + "got PT0S; the concentration must be more than 0 mg/mL, got -10.0; "
                        + "the prescriber must be named; the time of the prescription is required")
                .expectNoEvents();
    }

    @Test
    void refusesToPrescribeAfterTheSessionEnded() {
        // when / then
        fixture.given(started(), new SessionEndedEvent(SESSION, CHAIR, "discharged", T0.plusSeconds(60)))
                .when(new PrescribeInfusionCommand(SESSION, "ketamine", 0.5, Duration.ofMinutes(40), 10.0, "dr-lee",
                        PRESCRIBED))
                .expectException(SessionEndedException.class)
                .expectNoEvents();
    }

    @Test
    void aNurseOverridesASoftLimitWithAReasonAndTheAdvisoryClears() {
        // when / then
        fixture.given(started(), softRaised())
                .when(new OverrideSoftLimitCommand(SESSION, SOFT, "nurse", "slow titration agreed with dr-lee",
                        OVERRIDDEN))
                .expectEvents(new SoftLimitOverriddenEvent(SOFT, SESSION, CHAIR, "drug-library-soft-limit", "nurse",
                                "slow titration agreed with dr-lee", OVERRIDDEN),
                        new AlarmClearedEvent(SOFT, SESSION, CHAIR, OVERRIDDEN));
    }

    @Test
    void rejectsOverridingAHardLimit() {
        // when / then
        fixture.given(started(), raised(HARD, "drug-library-hard-limit", AlarmPriority.HIGH,
                        AlarmKind.PHYSIOLOGICAL))
                .when(new OverrideSoftLimitCommand(SESSION, HARD, "nurse", "patient insists", OVERRIDDEN))
                .expectException(OverrideNotAllowedException.class)
                .expectExceptionMessage("alarm alarm-hard is past a hard limit of the drug library, which cannot be "
                        + "overridden: the pump must be programmed again")
                .expectNoEvents();
    }

    @Test
    void rejectsOverridingAnAlarmThatIsNotADrugLibraryLimit() {
        // when / then
        fixture.given(started(), mediumRaised())
                .when(new OverrideSoftLimitCommand(SESSION, MEDIUM_ALARM, "nurse", "known hypertensive", OVERRIDDEN))
                .expectException(OverrideNotAllowedException.class)
                .expectExceptionMessage("alarm alarm-medium (relative-surge) is not a drug-library soft limit: "
                        + "only those can be overridden")
                .expectNoEvents();
    }

    @Test
    void rejectsAnOverrideWithoutAReason() {
        // when / then
        fixture.given(started(), softRaised())
                .when(new OverrideSoftLimitCommand(SESSION, SOFT, "nurse", " ", OVERRIDDEN))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("an override of a soft limit needs a reason")
                .expectNoEvents();
    }

    @Test
    void rejectsAnOverrideWithoutAUser() {
        // when / then
        fixture.given(started(), softRaised())
                .when(new OverrideSoftLimitCommand(SESSION, SOFT, null, "agreed", OVERRIDDEN))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("an override needs the name of the user who gave it")
                .expectNoEvents();
    }

    @Test
    void rejectsOverridingAnAdvisoryThatAlreadyCleared() {
        // when / then
        fixture.given(started(), softRaised(), new AlarmClearedEvent(SOFT, SESSION, CHAIR, OVERRIDDEN))
                .when(new OverrideSoftLimitCommand(SESSION, SOFT, "nurse", "agreed", OVERRIDDEN.plusSeconds(5)))
                .expectException(AlarmNotActiveException.class)
                .expectExceptionMessage("alarm alarm-soft of session session-1 is already cleared")
                .expectNoEvents();
    }

    private static Object softRaised() {
        return raised(SOFT, "drug-library-soft-limit", AlarmPriority.LOW, AlarmKind.PHYSIOLOGICAL);
    }
}
