package org.vigil.core.session;

import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.PUMP;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.T0;
import static org.vigil.core.session.SessionTestData.alarmReport;
import static org.vigil.core.session.SessionTestData.ketamine;
import static org.vigil.core.session.SessionTestData.pumpReport;
import static org.vigil.core.session.SessionTestData.started;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceAlarmReportedEvent;
import org.vigil.core.api.InfusionProgrammedEvent;
import org.vigil.core.api.ProgrammeChange;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.PumpStatusChangedEvent;
import org.vigil.core.api.RecordAlarmReportCommand;
import org.vigil.core.api.RecordPumpReportCommand;
import org.vigil.core.api.SessionEndedEvent;

/** Pump messages in the session: one event per message, then what it changed (docs/DOMAIN.md, "Infusion pumps"). */
class SessionPumpTest {

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    @Test
    void recordsTheFirstReportWithItsProgrammeAndStatus() {
        // given
        PumpReport report = pumpReport("P-1", PumpStatus.INFUSING, ketamine(5.25));

        // when / then
        fixture.given(started())
                .when(new RecordPumpReportCommand(SESSION, report))
                .expectEvents(new PumpReportRecordedEvent(SESSION, CHAIR, report),
                        programmed(ProgrammeChange.FIRST_PROGRAMME, ketamine(5.25), null, report),
                        new PumpStatusChangedEvent(SESSION, CHAIR, PUMP, null, PumpStatus.INFUSING,
                                report.deviceTime(), report.receivedAt()));
    }

    @Test
    void aReportThatChangesNothingRecordsOnlyItself() {
        // given
        PumpReport first = pumpReport("P-1", PumpStatus.INFUSING, ketamine(5.25));
        PumpReport again = pumpReport("P-2", PumpStatus.INFUSING, ketamine(5.25));

        // when / then
        fixture.given(started())
                .andGivenCommands(new RecordPumpReportCommand(SESSION, first))
                .when(new RecordPumpReportCommand(SESSION, again))
                .expectEvents(new PumpReportRecordedEvent(SESSION, CHAIR, again));
    }

    @Test
    void aNewRateIsARateChange() {
        // given
        PumpReport first = pumpReport("P-1", PumpStatus.INFUSING, ketamine(5.25));
        PumpReport faster = pumpReport("P-2", PumpStatus.INFUSING, ketamine(52.5));

        // when / then
        fixture.given(started())
                .andGivenCommands(new RecordPumpReportCommand(SESSION, first))
                .when(new RecordPumpReportCommand(SESSION, faster))
                .expectEvents(new PumpReportRecordedEvent(SESSION, CHAIR, faster),
                        programmed(ProgrammeChange.RATE_CHANGED, ketamine(52.5), 5.25, faster));
    }

    @Test
    void aNewVolumeToBeInfusedIsAProgrammeChange() {
        // given
        PumpReport first = pumpReport("P-1", PumpStatus.INFUSING, ketamine(5.25));
        PumpProgramme moreVolume = new PumpProgramme("ketamine", 10.0, 5.25, 7.0, null, null);
        PumpReport changed = pumpReport("P-2", PumpStatus.INFUSING, moreVolume);

        // when / then
        fixture.given(started())
                .andGivenCommands(new RecordPumpReportCommand(SESSION, first))
                .when(new RecordPumpReportCommand(SESSION, changed))
                .expectEvents(new PumpReportRecordedEvent(SESSION, CHAIR, changed),
                        programmed(ProgrammeChange.PROGRAMME_CHANGED, moreVolume, 5.25, changed));
    }

    @Test
    void aPauseIsAStatusChange() {
        // given
        PumpReport first = pumpReport("P-1", PumpStatus.INFUSING, ketamine(5.25));
        PumpReport paused = pumpReport("P-2", PumpStatus.PAUSED, ketamine(5.25));

        // when / then
        fixture.given(started())
                .andGivenCommands(new RecordPumpReportCommand(SESSION, first))
                .when(new RecordPumpReportCommand(SESSION, paused))
                .expectEvents(new PumpReportRecordedEvent(SESSION, CHAIR, paused),
                        new PumpStatusChangedEvent(SESSION, CHAIR, PUMP, PumpStatus.INFUSING, PumpStatus.PAUSED,
                                paused.deviceTime(), paused.receivedAt()));
    }

    @Test
    void theKeepVeinOpenRateIsNotANewProgramme() {
        // given
        PumpReport first = pumpReport("P-1", PumpStatus.INFUSING, ketamine(5.25));
        PumpReport kvo = pumpReport("P-2", PumpStatus.KVO, ketamine(1.0));

        // when / then
        fixture.given(started())
                .andGivenCommands(new RecordPumpReportCommand(SESSION, first))
                .when(new RecordPumpReportCommand(SESSION, kvo))
                .expectEvents(new PumpReportRecordedEvent(SESSION, CHAIR, kvo),
                        new PumpStatusChangedEvent(SESSION, CHAIR, PUMP, PumpStatus.INFUSING, PumpStatus.KVO,
                                kvo.deviceTime(), kvo.receivedAt()));
    }

    @Test
    void aReportWithoutStatusOrProgrammeKeepsBoth() {
        // given
        PumpReport first = pumpReport("P-1", PumpStatus.INFUSING, ketamine(5.25));
        PumpReport volumeOnly = pumpReport("P-2", null, null);

        // when / then
        fixture.given(started())
                .andGivenCommands(new RecordPumpReportCommand(SESSION, first))
                .when(new RecordPumpReportCommand(SESSION, volumeOnly))
                .expectEvents(new PumpReportRecordedEvent(SESSION, CHAIR, volumeOnly));
    }


    @Test
    void refusesAPumpReportAfterTheSessionEnded() {
        // when / then
        fixture.given(started(), new SessionEndedEvent(SESSION, CHAIR, "discharged", T0.plusSeconds(7200)))
                .when(new RecordPumpReportCommand(SESSION, pumpReport("P-1", PumpStatus.INFUSING, ketamine(5.25))))
                .expectException(SessionEndedException.class)
                .expectExceptionMessage("session session-1 has ended: cannot record a pump report")
                .expectNoEvents();
    }

    @Test
    void recordsADeviceAlarmReport() {
        // given
        DeviceAlarmReport report = alarmReport("A-1", AlarmPhase.START);

        // when / then
        fixture.given(started())
                .when(new RecordAlarmReportCommand(SESSION, report))
                .expectEvents(new DeviceAlarmReportedEvent(SESSION, CHAIR, report));
    }


    private static InfusionProgrammedEvent programmed(ProgrammeChange change, PumpProgramme programme,
                                                      Double previousRate, PumpReport report) {
        return new InfusionProgrammedEvent(SESSION, CHAIR, PUMP, change, programme, previousRate,
                report.deviceTime(), report.receivedAt());
    }
}
