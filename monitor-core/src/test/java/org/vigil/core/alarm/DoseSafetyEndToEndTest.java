package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.OverrideSoftLimitCommand;
import org.vigil.core.api.PrescribeInfusionCommand;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.RecordAlarmReportCommand;
import org.vigil.core.api.RecordDevicePumpReportCommand;
import org.vigil.core.api.RecordPumpReportCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SoftLimitOverriddenEvent;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.device.Device;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.pump.DoseLedger;
import org.vigil.core.session.OverrideNotAllowedException;

/**
 * Pump messages, the prescription and the dose-safety decisions wired as the application wires them, without
 * Spring: the aggregates on an event store, the decision handlers in the subscribing processor
 * {@value AlarmDecisions#PROCESSING_GROUP}. A "restart" is a fresh configuration on the same storage engine.
 * The session: 70 kg, 0.5 mg/kg of ketamine over 40 min at 10 mg/mL, that is 35 mg, 3.5 mL at 5.25 mL/h.
 */
class DoseSafetyEndToEndTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final Instant PUMP_START = Instant.parse("2026-03-02T09:05:00Z");
    private static final ClinicProtocol PROTOCOL = ClinicProtocol.loadDefault();
    private static final SessionId SESSION = new SessionId("session-dose");
    private static final ChairId CHAIR = new ChairId("chair-2");
    private static final DeviceId PUMP = new DeviceId("pump-2");

    private final AxonTestClinic clinic = new AxonTestClinic(SESSION);
    private int messages;

    @AfterEach
    void shutDown() {
        clinic.shutDown();
    }

    @Test
    void raisesDoseMismatchOnTheFirstReportOfARateTenTimesTooHigh() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        startAndPrescribe(gateway);

        // when
        gateway.sendAndWait(new RecordPumpReportCommand(SESSION,
                report(PumpStatus.INFUSING, 52.5, null)));

        // then
        AlarmRaisedEvent mismatch = clinic.onlyRaised("dose-mismatch");
        assertThat(mismatch.priority()).isEqualTo(AlarmPriority.MEDIUM);
        assertThat(mismatch.kind()).isEqualTo(AlarmKind.PHYSIOLOGICAL);
        assertThat(mismatch.message()).isEqualTo("Dose mismatch: programmed 52.5 mL/h × 10 mg/mL = 525 mg/h, "
                + "prescribed 52.5 mg/h (5.25 mL/h): +900 % (tolerance 10 %)");
        assertThat(mismatch.chairId()).isEqualTo(CHAIR);
        assertThat(mismatch.raisedAt()).isEqualTo(NOW);
        assertThat(clinic.onlyRaised("drug-library-hard-limit").priority()).isEqualTo(AlarmPriority.HIGH);
        assertThat(clinic.stored(PumpReportRecordedEvent.class)).as("the alarms followed the first pump message")
                .hasSize(1);
    }

    @Test
    void aPumpProgrammedBeforeThePrescriptionIsCheckedWhenItIsPrescribed() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());
        gateway.sendAndWait(new RecordPumpReportCommand(SESSION, report(PumpStatus.IDLE, 52.5, null)));
        assertThat(clinic.raised("dose-mismatch")).isEmpty();

        // when
        gateway.sendAndWait(prescription());

        // then
        assertThat(clinic.onlyRaised("dose-mismatch").priority()).isEqualTo(AlarmPriority.MEDIUM);
    }

    @Test
    void aPumpOcclusionIsATechnicalAlarmClearedWhenThePumpNoLongerReportsIt() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        startAndPrescribe(gateway);
        gateway.sendAndWait(new RecordPumpReportCommand(SESSION, report(PumpStatus.INFUSING, 5.25, null)));
        PumpAlarm occlusion = new PumpAlarm(PumpAlarmKind.OCCLUSION_DOWNSTREAM, AlarmPriority.HIGH, "OCCL DN", true);

        // when
        gateway.sendAndWait(new RecordPumpReportCommand(SESSION, report(PumpStatus.STOPPED, 5.25, null, occlusion)));

        // then
        AlarmRaisedEvent raised = clinic.onlyRaised("pump-occlusion");
        assertThat(raised.kind()).isEqualTo(AlarmKind.TECHNICAL);
        assertThat(raised.priority()).isEqualTo(AlarmPriority.HIGH);
        assertThat(raised.message()).isEqualTo("Pump pump-2: occlusion downstream (OCCL DN), infusion stopped");
        assertThat(clinic.raised("dose-mismatch")).isEmpty();

        // when
        gateway.sendAndWait(new RecordPumpReportCommand(SESSION, report(PumpStatus.INFUSING, 5.25, null)));

        // then
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(raised.alarmId());
        assertThat(clinic.raised("pump-occlusion")).hasSize(1);
    }

    @Test
    void aNurseOverridesTheSoftLimitAdvisoryWithAReasonUntilTheProgrammeChanges() {
        // given: 8.4 mL/h at 10 mg/mL for 70 kg is 1.2 mg/kg/h, past the upper soft limit of 1.0
        CommandGateway gateway = start(false).commandGateway();
        startAndPrescribe(gateway);
        gateway.sendAndWait(new RecordPumpReportCommand(SESSION, report(PumpStatus.INFUSING, 8.4, null)));
        AlarmRaisedEvent advisory = clinic.onlyRaised("drug-library-soft-limit");
        assertThat(advisory.priority()).isEqualTo(AlarmPriority.LOW);

        // when
        gateway.sendAndWait(new OverrideSoftLimitCommand(SESSION, advisory.alarmId(), "nurse",
                "faster rate agreed with dr-lee", NOW));
        gateway.sendAndWait(new RecordPumpReportCommand(SESSION, report(PumpStatus.INFUSING, 8.4, null)));

        // then
        assertThat(clinic.stored(SoftLimitOverriddenEvent.class)).singleElement().satisfies(overridden -> {
            assertThat(overridden.user()).isEqualTo("nurse");
            assertThat(overridden.reason()).isEqualTo("faster rate agreed with dr-lee");
            assertThat(overridden.alarmId()).isEqualTo(advisory.alarmId());
        });
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(advisory.alarmId());
        assertThat(clinic.raised("drug-library-soft-limit")).containsExactly(advisory);

        // when
        gateway.sendAndWait(new RecordPumpReportCommand(SESSION, report(PumpStatus.INFUSING, 9.1, null)));

        // then
        assertThat(clinic.raised("drug-library-soft-limit")).hasSize(2);
    }

    @Test
    void aHardLimitCannotBeOverridden() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        startAndPrescribe(gateway);
        gateway.sendAndWait(new RecordPumpReportCommand(SESSION, report(PumpStatus.INFUSING, 52.5, null)));
        AlarmRaisedEvent hard = clinic.onlyRaised("drug-library-hard-limit");

        // when
        Throwable rejected = catchThrowable(() -> gateway.sendAndWait(
                new OverrideSoftLimitCommand(SESSION, hard.alarmId(), "nurse", "patient asked", NOW)));

        // then
        assertThat(rejected).isInstanceOf(OverrideNotAllowedException.class)
                .hasMessageContaining("cannot be overridden");
        assertThat(clinic.stored(SoftLimitOverriddenEvent.class)).isEmpty();
    }

    @Test
    void theDoseDeliveredIsComputedFromTheStoredReportsAndCheckedAtCompletion() {
        // given: the pump reports every minute, but completes with 3.0 mL infused by its own count (30 mg)
        CommandGateway gateway = start(false).commandGateway();
        startAndPrescribe(gateway);
        for (int minute = 0; minute < 40; minute++) {
            gateway.sendAndWait(new RecordPumpReportCommand(SESSION,
                    report(PumpStatus.INFUSING, 5.25, null, PUMP_START.plusSeconds(60L * minute))));
        }
        assertThat(clinic.raised("dose-mismatch")).isEmpty();

        // when
        gateway.sendAndWait(new RecordPumpReportCommand(SESSION,
                report(PumpStatus.COMPLETE, 5.25, 3.0, PUMP_START.plusSeconds(2400))));

        // then
        DoseLedger ledger = DoseLedger.empty();
        for (PumpReportRecordedEvent recorded : clinic.stored(PumpReportRecordedEvent.class)) {
            ledger = ledger.record(recorded.report());
        }
        assertThat(ledger.deliveredMg(null) / 70).isCloseTo(3.0 * 10 / 70, within(1e-9));
        assertThat(clinic.onlyRaised("dose-mismatch").message())
                .isEqualTo("Dose mismatch: delivered 30 mg, prescribed 35 mg: -14.286 % (tolerance 10 %)");
    }

    @Test
    void aDeviceAlarmIsRaisedAtItsStartAndClearedAtItsEnd() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());

        // when
        gateway.sendAndWait(new RecordAlarmReportCommand(SESSION, alarmReport(AlarmPhase.START)));

        // then
        AlarmRaisedEvent raised = clinic.onlyRaised("device-alarm:196656");
        assertThat(raised.priority()).isEqualTo(AlarmPriority.HIGH);
        assertThat(raised.kind()).isEqualTo(AlarmKind.TECHNICAL);
        assertThat(raised.message()).isEqualTo("Device pump-2: Downstream occlusion");

        // when
        gateway.sendAndWait(new RecordAlarmReportCommand(SESSION, alarmReport(AlarmPhase.UPDATE)));
        gateway.sendAndWait(new RecordAlarmReportCommand(SESSION, alarmReport(AlarmPhase.END)));

        // then
        assertThat(clinic.raised("device-alarm:196656")).hasSize(1);
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(raised.alarmId());
    }

    @Test
    void decidesNothingForAPumpWithoutASession() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        PumpAlarm occlusion = new PumpAlarm(PumpAlarmKind.OCCLUSION_DOWNSTREAM, AlarmPriority.HIGH, null, true);

        // when
        gateway.sendAndWait(new RecordDevicePumpReportCommand(PUMP, CHAIR,
                report(PumpStatus.INFUSING, 52.5, null, occlusion)));

        // then
        assertThat(clinic.storage().readEvents(PUMP.value(), 0).asStream().count()).isEqualTo(1);
        assertThat(clinic.stored()).isEmpty();
    }

    @Test
    void aRestartReplaysTheStoredDecisionsWithoutDecidingAgain() {
        // given
        CommandGateway before = start(false).commandGateway();
        startAndPrescribe(before);
        before.sendAndWait(new RecordPumpReportCommand(SESSION, report(PumpStatus.INFUSING, 52.5, null)));
        int storedBeforeRestart = clinic.stored().size();
        clinic.restart();

        // when
        Configuration after = start(true);

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(clinic.replayed().count()).isEqualTo(storedBeforeRestart);
            assertThat(AxonTestClinic.trackingStatus(after)).isNotEmpty().allMatch(EventTrackerStatus::isCaughtUp);
        });
        assertThat(clinic.replayed().alarmsSeen()).isEqualTo(2);
        assertThat(clinic.stored()).hasSize(storedBeforeRestart);
        assertThat(clinic.dispatchedCommands()).hasValue(0);
    }

    @Test
    void afterARestartItRebuildsTheInfusionFromTheStreamAndRaisesNothingNew() {
        // given
        CommandGateway before = start(false).commandGateway();
        startAndPrescribe(before);
        before.sendAndWait(new RecordPumpReportCommand(SESSION, report(PumpStatus.INFUSING, 52.5, null)));
        AlarmRaisedEvent mismatch = clinic.onlyRaised("dose-mismatch");
        AlarmRaisedEvent hard = clinic.onlyRaised("drug-library-hard-limit");
        clinic.restart();
        CommandGateway after = start(true).commandGateway();

        // when
        after.sendAndWait(new RecordPumpReportCommand(SESSION, report(PumpStatus.INFUSING, 52.5, null)));

        // then
        assertThat(clinic.stored(AlarmRaisedEvent.class)).containsExactly(mismatch, hard);
        assertThat(clinic.dispatchedCommands()).as("only the recording, no alarm command").hasValue(1);

        // when
        after.sendAndWait(new RecordPumpReportCommand(SESSION, report(PumpStatus.INFUSING, 5.25, null)));

        // then
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(mismatch.alarmId());
        assertThat(clinic.stored(AlarmConditionEndedEvent.class)).extracting(AlarmConditionEndedEvent::alarmId)
                .as("a HIGH dose alarm latches until acknowledged").containsExactly(hard.alarmId());
        assertThat(clinic.stored(AlarmRaisedEvent.class)).hasSize(2);
    }

    private Configuration start(boolean withReplay) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return clinic.start(withReplay,
                c -> new VitalSignAlarms(c.commandGateway(), c.eventStore(), PROTOCOL, clock),
                c -> new DoseSafetyAlarms(c.commandGateway(), c.eventStore(), PROTOCOL, clock),
                c -> new DeviceReportedAlarms(c.commandGateway(), c.eventStore(), clock));
    }

    private static void startAndPrescribe(CommandGateway gateway) {
        gateway.sendAndWait(startSession());
        gateway.sendAndWait(prescription());
    }

    private static StartSessionCommand startSession() {
        return new StartSessionCommand(SESSION, CHAIR, "P-0011", 70.0, 38, Treatment.IV_KETAMINE,
                new BaselineVitals(122, 76, 68, 98), PROTOCOL.ref(), NOW.minusSeconds(1800));
    }

    private static PrescribeInfusionCommand prescription() {
        return new PrescribeInfusionCommand(SESSION, "ketamine", 0.5, Duration.ofMinutes(40), 10.0, "dr-lee",
                NOW.minusSeconds(1700));
    }

    private PumpReport report(PumpStatus status, double rate, Double volumeInfused, PumpAlarm... alarms) {
        return report(status, rate, volumeInfused, PUMP_START.plusSeconds(2L * messages), alarms);
    }

    private PumpReport report(PumpStatus status, double rate, Double volumeInfused, Instant deviceTime,
                              PumpAlarm... alarms) {
        messages++;
        return new PumpReport(PUMP, new MessageKey("PUMP-GW", "P-" + messages), deviceTime,
                deviceTime.plusMillis(120), status, new PumpProgramme("ketamine", 10.0, rate, 3.5, null, null),
                volumeInfused, null, null, List.of(alarms));
    }

    private DeviceAlarmReport alarmReport(AlarmPhase phase) {
        messages++;
        return new DeviceAlarmReport(PUMP, new MessageKey("PUMP-GW", "A-" + messages), PUMP_START, NOW, "alarm-9",
                "196656", 157784, "Downstream occlusion", phase, AlarmPriority.HIGH, AlarmKind.TECHNICAL);
    }
}
