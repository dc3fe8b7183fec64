package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.RecordDeviceConnectedCommand;
import org.vigil.core.api.RecordDeviceDisconnectedCommand;
import org.vigil.core.api.RecordDeviceRecoveredCommand;
import org.vigil.core.api.RecordDeviceSilentCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.device.Device;
import org.vigil.core.protocol.ClinicProtocol;

/**
 * Device supervision wired as the application wires it, without Spring: the aggregates on an event store, both
 * alarm deciders in the subscribing processor. A "restart" is a fresh configuration on the same storage engine.
 */
class DeviceSupervisionEndToEndTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:01:00Z");
    private static final ClinicProtocol PROTOCOL = ClinicProtocol.loadDefault();
    private static final Duration SILENCE = PROTOCOL.supervision().deviceSilentAfter();
    private static final Instant LAST_MESSAGE = NOW.minus(SILENCE);
    private static final SessionId SESSION = new SessionId("session-supervision");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final DeviceId MONITOR = new DeviceId("sim-monitor-01");
    private static final DeviceId PUMP = new DeviceId("sim-pump-01");

    private final AxonTestClinic clinic = new AxonTestClinic(SESSION);

    @AfterEach
    void shutDown() {
        clinic.shutDown();
    }

    @Test
    void raisesATechnicalDeviceOfflineAlarmOnTheSessionWhenItsMonitorGoesSilent() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());
        gateway.sendAndWait(connected(MONITOR));

        // when
        boolean recorded = gateway.sendAndWait(silent(MONITOR));

        // then
        assertThat(recorded).isTrue();
        AlarmRaisedEvent raised = onlyRaised();
        assertThat(raised.rule()).isEqualTo("device-offline");
        assertThat(raised.kind()).isEqualTo(AlarmKind.TECHNICAL);
        assertThat(raised.priority()).isEqualTo(AlarmPriority.MEDIUM);
        assertThat(raised.message()).isEqualTo("Device sim-monitor-01 offline: no usable data for 10 s");
        assertThat(raised.chairId()).isEqualTo(CHAIR);
        assertThat(raised.conditionStartedAt()).isEqualTo(LAST_MESSAGE);
        assertThat(raised.raisedAt()).isEqualTo(NOW);
        assertThat(deviceEvents(MONITOR)).containsExactly(
                new DeviceConnectedEvent(MONITOR, CHAIR, "tcp 127.0.0.1:4001", NOW.minusSeconds(60)),
                new DeviceSilentEvent(MONITOR, CHAIR, SILENCE, LAST_MESSAGE, NOW));
    }

    @Test
    void clearsTheAlarmWhenTheDeviceSendsUsableDataAgain() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());
        gateway.sendAndWait(silent(MONITOR));
        AlarmRaisedEvent raised = onlyRaised();

        // when
        boolean recorded = gateway.sendAndWait(new RecordDeviceRecoveredCommand(MONITOR, CHAIR, NOW));

        // then
        assertThat(recorded).isTrue();
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(raised.alarmId());
        assertThat(clinic.stored(AlarmConditionEndedEvent.class)).as("a technical alarm never latches").isEmpty();
    }

    @Test
    void aDisconnectionRaisesTheAlarmAndAReconnectionAloneDoesNotClearIt() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());
        gateway.sendAndWait(connected(MONITOR));

        // when
        gateway.sendAndWait(new RecordDeviceDisconnectedCommand(MONITOR, CHAIR, "connection reset", NOW));
        gateway.sendAndWait(connected(MONITOR));

        // then
        assertThat(onlyRaised().message()).isEqualTo("Device sim-monitor-01 offline: disconnected (connection reset)");
        assertThat(clinic.stored(AlarmClearedEvent.class)).isEmpty();

        // when
        gateway.sendAndWait(new RecordDeviceRecoveredCommand(MONITOR, CHAIR, NOW));

        // then
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(onlyRaised().alarmId());
    }

    @Test
    void aRepeatedSilenceReportRecordsNothingAndRaisesNothingMore() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());
        gateway.sendAndWait(silent(MONITOR));
        int sessionEvents = clinic.stored().size();
        int monitorEvents = deviceEvents(MONITOR).size();

        // when
        boolean recorded = gateway.sendAndWait(new RecordDeviceSilentCommand(MONITOR, CHAIR, SILENCE.plus(SILENCE),
                LAST_MESSAGE, NOW.plus(SILENCE)));

        // then
        assertThat(recorded).isFalse();
        assertThat(clinic.stored()).hasSize(sessionEvents);
        assertThat(deviceEvents(MONITOR)).hasSize(monitorEvents);
    }

    @Test
    void withoutASessionAtTheChairTheOutageIsRecordedOnTheDeviceOnly() {
        // given
        CommandGateway gateway = start(false).commandGateway();

        // when
        boolean recorded = gateway.sendAndWait(silent(MONITOR));

        // then
        assertThat(recorded).isTrue();
        assertThat(deviceEvents(MONITOR)).containsExactly(new DeviceSilentEvent(MONITOR, CHAIR, SILENCE, LAST_MESSAGE,
                NOW));
        assertThat(clinic.stored()).isEmpty();
        assertThat(clinic.dispatchedCommands()).as("only the silence, no alarm command").hasValue(1);
    }

    @Test
    void aSessionStartingAtAChairWhoseMonitorIsOfflineRaisesTheAlarm() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(new RecordDeviceDisconnectedCommand(MONITOR, CHAIR, "connection refused", NOW));

        // when
        gateway.sendAndWait(startSession());

        // then
        assertThat(onlyRaised().message())
                .isEqualTo("Device sim-monitor-01 offline: disconnected (connection refused)");
    }

    @Test
    void aSecondDeviceGoingOfflineReplacesTheAlarmAndTheLastRecoveryClearsIt() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());
        gateway.sendAndWait(silent(MONITOR));
        AlarmRaisedEvent monitorOnly = onlyRaised();

        // when
        gateway.sendAndWait(new RecordDeviceDisconnectedCommand(PUMP, CHAIR, "end of stream", NOW));

        // then
        assertThat(raised()).extracting(AlarmRaisedEvent::message).containsExactly(
                "Device sim-monitor-01 offline: no usable data for 10 s",
                "Device sim-monitor-01 offline: no usable data for 10 s; "
                        + "Device sim-pump-01 offline: disconnected (end of stream)");
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(monitorOnly.alarmId());
        AlarmRaisedEvent both = raised().get(1);

        // when
        gateway.sendAndWait(new RecordDeviceRecoveredCommand(MONITOR, CHAIR, NOW));

        // then
        assertThat(raised()).hasSize(2);
        assertThat(clinic.stored(AlarmClearedEvent.class)).hasSize(1);

        // when
        gateway.sendAndWait(new RecordDeviceRecoveredCommand(PUMP, CHAIR, NOW));

        // then
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(monitorOnly.alarmId(), both.alarmId());
    }

    @Test
    void anEndedSessionTakesItsAlarmAndTheNextSessionAtTheChairGetsItsOwn() {
        // given
        CommandGateway gateway = start(false).commandGateway();
        gateway.sendAndWait(startSession());
        gateway.sendAndWait(silent(MONITOR));
        gateway.sendAndWait(new EndSessionCommand(SESSION, "discharged", NOW));
        SessionId next = new SessionId("session-next");

        // when
        gateway.sendAndWait(startSession(next));

        // then
        assertThat(clinic.stored(AlarmClearedEvent.class)).hasSize(1);
        assertThat(clinic.stored(next, AlarmRaisedEvent.class)).extracting(AlarmRaisedEvent::rule)
                .containsExactly("device-offline");
    }

    @Test
    void aRestartReplaysTheStoredAlarmWithoutDecidingAgainAndTheRecoveryClearsIt() {
        // given
        CommandGateway before = start(false).commandGateway();
        before.sendAndWait(startSession());
        before.sendAndWait(connected(MONITOR));
        before.sendAndWait(silent(MONITOR));
        AlarmRaisedEvent raised = onlyRaised();
        long storedBeforeRestart = allStored();
        clinic.restart();

        // when
        Configuration after = start(true);

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(clinic.replayed().count()).isEqualTo(storedBeforeRestart);
            assertThat(AxonTestClinic.trackingStatus(after)).isNotEmpty().allMatch(EventTrackerStatus::isCaughtUp);
        });
        assertThat(clinic.replayed().alarmsSeen()).isEqualTo(1);
        assertThat(allStored()).isEqualTo(storedBeforeRestart);
        assertThat(clinic.dispatchedCommands()).hasValue(0);

        // when
        after.commandGateway().sendAndWait(silent(MONITOR));
        after.commandGateway().sendAndWait(new RecordDeviceRecoveredCommand(MONITOR, CHAIR, NOW));

        // then
        assertThat(raised()).containsExactly(raised);
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(raised.alarmId());
    }

    @Test
    void afterARestartItKnowsWhichSessionRunsAtTheChair() {
        // given
        CommandGateway before = start(false).commandGateway();
        before.sendAndWait(startSession());
        clinic.restart();
        CommandGateway after = start(false).commandGateway();

        // when
        after.sendAndWait(silent(MONITOR));

        // then
        assertThat(onlyRaised().message()).isEqualTo("Device sim-monitor-01 offline: no usable data for 10 s");
    }

    @Test
    void afterARestartASecondDeviceGoingOfflineReplacesTheStoredAlarm() {
        // given
        CommandGateway before = start(false).commandGateway();
        before.sendAndWait(startSession());
        before.sendAndWait(silent(MONITOR));
        AlarmRaisedEvent monitorOnly = onlyRaised();
        clinic.restart();
        CommandGateway after = start(false).commandGateway();

        // when
        after.sendAndWait(silent(PUMP));

        // then
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(monitorOnly.alarmId());
        assertThat(raised()).hasSize(2);
        assertThat(raised().get(1).message()).contains("sim-monitor-01", "sim-pump-01");
    }

    @Test
    void decidesOnTheSessionsAndOutagesTheStoreHoldsNotOnlyOnThoseItFoldedItself() {
        // given two deciders on one store: each folds only what it handled, as a commit another unit of work has
        // not folded yet
        CommandGateway first = start(false).commandGateway();
        CommandGateway second = start(false).commandGateway();
        second.sendAndWait(connected(MONITOR));
        first.sendAndWait(startSession());

        // when the monitor goes silent, decided by the one that did not see the session start
        second.sendAndWait(silent(MONITOR));

        // then the session at its chair gets the alarm
        AlarmRaisedEvent raised = onlyRaised();
        assertThat(raised.sessionId()).isEqualTo(SESSION);
        assertThat(raised.chairId()).isEqualTo(CHAIR);
    }

    private Configuration start(boolean withReplay) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return clinic.start(withReplay,
                c -> new VitalSignAlarms(c.commandGateway(), c.eventStore(), PROTOCOL, clock),
                c -> new DeviceSupervisionAlarms(c.commandGateway(), c.eventStore(), clinic.occupancy(),
                        clinic.outages(), clock));
    }

    private static StartSessionCommand startSession() {
        return startSession(SESSION);
    }

    private static StartSessionCommand startSession(SessionId session) {
        return new StartSessionCommand(session, CHAIR, "P-0011", 70.0, 44, Treatment.IV_KETAMINE,
                new BaselineVitals(122, 76, 72, 98), PROTOCOL.ref(), NOW.minusSeconds(600));
    }

    private static RecordDeviceConnectedCommand connected(DeviceId device) {
        return new RecordDeviceConnectedCommand(device, CHAIR, "tcp 127.0.0.1:4001", NOW.minusSeconds(60));
    }

    private static RecordDeviceSilentCommand silent(DeviceId device) {
        return new RecordDeviceSilentCommand(device, CHAIR, SILENCE, LAST_MESSAGE, NOW);
    }

    private long allStored() {
        return clinic.storage().readEvents(null, false).count();
    }

    private List<Object> deviceEvents(DeviceId device) {
        return clinic.events(device.value());
    }

    private List<AlarmRaisedEvent> raised() {
        return clinic.stored(AlarmRaisedEvent.class);
    }

    private AlarmRaisedEvent onlyRaised() {
        List<AlarmRaisedEvent> raised = raised();
        assertThat(raised).as("device-offline alarms raised").hasSize(1);
        return raised.get(0);
    }
}
