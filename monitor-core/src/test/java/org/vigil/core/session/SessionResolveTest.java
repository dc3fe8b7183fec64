package org.vigil.core.session;

import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.HIGH_ALARM;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.T0;
import static org.vigil.core.session.SessionTestData.TECHNICAL_HIGH_ALARM;
import static org.vigil.core.session.SessionTestData.highRaised;
import static org.vigil.core.session.SessionTestData.raised;
import static org.vigil.core.session.SessionTestData.started;
import static org.vigil.core.session.SessionTestData.technicalHighRaised;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.AlarmResolvedEvent;
import org.vigil.core.api.ResolveAlarmCommand;

/** A technical alarm whose cause a named user fixed, resolved with a reason; what may not be resolved by hand. */
class SessionResolveTest {

    private static final AlarmId CUFF = new AlarmId("alarm-cuff");
    private static final AlarmId STALE = new AlarmId("alarm-stale");
    private static final Instant FIXED = T0.plusSeconds(200);

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    @Test
    void resolvingAFixedTechnicalAlarmRecordsWhoAndWhyAndClearsIt() {
        // when / then
        fixture.given(started(), cuffFailed())
                .when(new ResolveAlarmCommand(SESSION, CUFF, "nurse", "cuff re-seated", FIXED))
                .expectEvents(new AlarmResolvedEvent(CUFF, SESSION, CHAIR, "nibp-failed", "nurse", "cuff re-seated",
                        FIXED), new AlarmClearedEvent(CUFF, SESSION, CHAIR, FIXED));
    }

    @Test
    void rejectsResolvingAPhysiologicalAlarm() {
        // when / then
        fixture.given(started(), highRaised())
                .when(new ResolveAlarmCommand(SESSION, HIGH_ALARM, "nurse", "looked fine", FIXED))
                .expectException(ResolveNotAllowedException.class)
                .expectExceptionMessage("alarm alarm-high cannot be resolved: a physiological alarm "
                        + "(severe-hypertension) ends with the patient's values and is acknowledged, not resolved")
                .expectNoEvents();
    }

    @Test
    void rejectsResolvingADeviceOfflineAlarm() {
        // when / then
        fixture.given(started(), technicalHighRaised())
                .when(new ResolveAlarmCommand(SESSION, TECHNICAL_HIGH_ALARM, "nurse", "plugged in", FIXED))
                .expectException(ResolveNotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsResolvingAStaleBloodPressure() {
        // when / then
        fixture.given(started(), raised(STALE, "nibp-stale", AlarmPriority.LOW, AlarmKind.TECHNICAL))
                .when(new ResolveAlarmCommand(SESSION, STALE, "nurse", "will measure", FIXED))
                .expectException(ResolveNotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAResolveByNobody() {
        // when / then
        fixture.given(started(), cuffFailed())
                .when(new ResolveAlarmCommand(SESSION, CUFF, null, "cuff re-seated", FIXED))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAResolveWithoutAReason() {
        // when / then
        fixture.given(started(), cuffFailed())
                .when(new ResolveAlarmCommand(SESSION, CUFF, "nurse", "  ", FIXED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("a resolve needs a reason: what was fixed")
                .expectNoEvents();
    }

    @Test
    void rejectsResolvingAClearedAlarm() {
        // when / then
        fixture.given(started(), cuffFailed(), new AlarmClearedEvent(CUFF, SESSION, CHAIR, FIXED))
                .when(new ResolveAlarmCommand(SESSION, CUFF, "nurse", "cuff re-seated", FIXED.plusSeconds(1)))
                .expectException(AlarmNotActiveException.class)
                .expectNoEvents();
    }

    private static AlarmRaisedEvent cuffFailed() {
        return raised(CUFF, "nibp-failed", AlarmPriority.LOW, AlarmKind.TECHNICAL);
    }
}
