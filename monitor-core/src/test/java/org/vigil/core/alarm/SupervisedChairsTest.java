package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.core.alarm.ChairSupervision.OfflineAlarm;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceRecoveredEvent;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.ProtocolRef;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Treatment;

/** The chairs' situation is what the recorded events say, however often an event is folded. */
class SupervisedChairsTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final ChairId OTHER_CHAIR = new ChairId("chair-2");
    private static final SessionId SESSION = new SessionId("session-1");
    private static final DeviceId MONITOR = new DeviceId("monitor-1");
    private static final DeviceId PUMP = new DeviceId("pump-1");
    private static final AlarmId ALARM = new AlarmId("offline-1");

    private final SupervisedChairs chairs = new SupervisedChairs();

    @Test
    void aChairWithoutEventsHasNoSessionNoOutageAndNoAlarm() {
        // when
        ChairSupervision situation = chairs.situation(CHAIR);

        // then
        assertThat(situation).isEqualTo(new ChairSupervision(null, List.of(), null));
    }

    @Test
    void anOutageIsKeptAtItsChairWhetherOrNotASessionRuns() {
        // when
        var changed = chairs.apply(silent(MONITOR, CHAIR));
        chairs.apply(started());

        // then
        assertThat(changed).containsExactly(CHAIR);
        assertThat(chairs.situation(CHAIR).session()).isEqualTo(SESSION);
        assertThat(chairs.situation(CHAIR).offline()).extracting(OfflineDevice::deviceId).containsExactly(MONITOR);
        assertThat(chairs.situation(OTHER_CHAIR).offline()).isEmpty();
    }

    @Test
    void theAlarmCoversTheDevicesOfflineWhenItWasRaised() {
        // given
        chairs.apply(started());
        chairs.apply(silent(MONITOR, CHAIR));
        chairs.apply(disconnected(PUMP, CHAIR));

        // when
        chairs.apply(raised(ALARM, "device-offline"));

        // then
        assertThat(chairs.situation(CHAIR).alarm()).isEqualTo(new OfflineAlarm(ALARM, Set.of(MONITOR, PUMP)));
    }

    @Test
    void anAlarmOfAnotherRuleIsNotTheDeviceOfflineAlarm() {
        // given
        chairs.apply(started());

        // when
        chairs.apply(raised(ALARM, "desaturation"));

        // then
        assertThat(chairs.situation(CHAIR).alarm()).isNull();
    }

    @Test
    void aClearedAlarmAndAnEndedSessionAreForgotten() {
        // given
        chairs.apply(started());
        chairs.apply(silent(MONITOR, CHAIR));
        chairs.apply(raised(ALARM, "device-offline"));

        // when
        chairs.apply(new AlarmClearedEvent(ALARM, SESSION, CHAIR, AT));
        ChairSupervision afterClear = chairs.situation(CHAIR);
        chairs.apply(new SessionEndedEvent(SESSION, CHAIR, "discharged", AT));

        // then
        assertThat(afterClear.alarm()).isNull();
        assertThat(chairs.situation(CHAIR).session()).isNull();
        assertThat(chairs.situation(CHAIR).offline()).extracting(OfflineDevice::deviceId).containsExactly(MONITOR);
    }

    @Test
    void aDisconnectionOfASilentDeviceKeepsTheStartOfTheOutageAndNamesTheNewCause() {
        // given
        chairs.apply(silent(MONITOR, CHAIR));

        // when
        chairs.apply(new DeviceDisconnectedEvent(MONITOR, CHAIR, "end of stream", AT.plusSeconds(30)));

        // then
        assertThat(chairs.situation(CHAIR).offline()).containsExactly(
                new OfflineDevice(MONITOR, "disconnected (end of stream)", AT.minusSeconds(10)));
    }

    @Test
    void aRecoveryEndsTheOutageOfItsChair() {
        // given
        chairs.apply(silent(MONITOR, CHAIR));

        // when
        var recovered = chairs.apply(new DeviceRecoveredEvent(MONITOR, CHAIR, AT, AT.plusSeconds(20)));

        // then
        assertThat(recovered).containsExactly(CHAIR);
        assertThat(chairs.situation(CHAIR).offline()).isEmpty();
    }

    @Test
    void aRecoveryAlreadyFoldedByARebuildStillConcernsItsChair() {
        // given
        DeviceRecoveredEvent recovery = new DeviceRecoveredEvent(MONITOR, CHAIR, AT, AT.plusSeconds(20));
        chairs.apply(silent(MONITOR, CHAIR));
        chairs.apply(recovery);

        // when
        var concerned = chairs.apply(recovery);

        // then
        assertThat(concerned).containsExactly(CHAIR);
    }

    @Test
    void aDeviceConnectedAtAnotherChairTakesItsOutageThere() {
        // given
        chairs.apply(disconnected(MONITOR, CHAIR));

        // when
        var changed = chairs.apply(new DeviceConnectedEvent(MONITOR, OTHER_CHAIR, "tcp 10.0.0.5:4001", AT));

        // then
        assertThat(changed).containsExactly(CHAIR, OTHER_CHAIR);
        assertThat(chairs.situation(CHAIR).offline()).isEmpty();
        assertThat(chairs.situation(OTHER_CHAIR).offline()).extracting(OfflineDevice::deviceId)
                .containsExactly(MONITOR);
    }

    @Test
    void aCopyForAChairHoldsThatChairAndTheDeviceNamedAndNothingElse() {
        // given
        DeviceId elsewhere = new DeviceId("monitor-2");
        List.of(started(), silent(MONITOR, CHAIR), raised(ALARM, "device-offline"), disconnected(PUMP, OTHER_CHAIR),
                silent(elsewhere, new ChairId("chair-3"))).forEach(chairs::apply);

        // when
        SupervisedChairs copy = chairs.copyFor(Set.of(CHAIR), PUMP, Set.of());

        // then
        assertThat(copy.situation(CHAIR)).isEqualTo(chairs.situation(CHAIR));
        assertThat(copy.outage(PUMP)).isEqualTo(chairs.outage(PUMP));
        assertThat(copy.outage(elsewhere)).isEmpty();
        assertThat(copy.situation(new ChairId("chair-3")).offline()).isEmpty();
    }

    @Test
    void aCopyIsIndependentOfTheStateItWasTakenFrom() {
        // given
        chairs.apply(started());
        SupervisedChairs copy = chairs.copyFor(Set.of(CHAIR), MONITOR, Set.of());

        // when
        copy.apply(silent(MONITOR, CHAIR));

        // then
        assertThat(copy.situation(CHAIR).offline()).extracting(OfflineDevice::deviceId).containsExactly(MONITOR);
        assertThat(chairs.situation(CHAIR).offline()).isEmpty();
    }

    @Test
    void aDeviceConfiguredForNoChairChangesNoChair() {
        // when
        var changed = chairs.apply(silent(MONITOR, null));

        // then
        assertThat(changed).isEmpty();
    }

    @Test
    void foldingTheSameEventsTwiceGivesTheSameSituation() {
        // given
        List<Object> history = List.of(started(), silent(MONITOR, CHAIR), raised(ALARM, "device-offline"),
                disconnected(PUMP, CHAIR));
        history.forEach(chairs::apply);
        ChairSupervision once = chairs.situation(CHAIR);

        // when
        history.forEach(chairs::apply);

        // then
        assertThat(chairs.situation(CHAIR)).isEqualTo(once);
    }

    private static SessionStartedEvent started() {
        return new SessionStartedEvent(SESSION, CHAIR, "P-1", 70, 40, Treatment.IV_KETAMINE, null,
                new ProtocolRef("vigil-default", "2026.1"), AT);
    }

    private static DeviceSilentEvent silent(DeviceId device, ChairId chair) {
        return new DeviceSilentEvent(device, chair, Duration.ofSeconds(10), null, AT);
    }

    private static DeviceDisconnectedEvent disconnected(DeviceId device, ChairId chair) {
        return new DeviceDisconnectedEvent(device, chair, "connection reset", AT);
    }

    private static AlarmRaisedEvent raised(AlarmId alarm, String rule) {
        return new AlarmRaisedEvent(alarm, SESSION, CHAIR, rule, AlarmPriority.MEDIUM, AlarmKind.TECHNICAL, "x",
                null, AT, AT);
    }
}
