package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.alarm.AlarmChange.EndCondition;
import org.vigil.core.alarm.AlarmChange.Raise;
import org.vigil.core.alarm.ChairSupervision.OfflineAlarm;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.SessionId;

/** The device-offline decision for every situation of a chair. */
class DeviceOfflineRuleTest {

    private static final SessionId SESSION = new SessionId("session-1");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final AlarmId ACTIVE = new AlarmId("active-offline-alarm");
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    /**
     * Offline devices are written {@code device:silent} (no usable data for 10 s) or {@code device:disconnected}
     * (end of stream); the active alarm by the devices it covers, {@code -} for no active alarm.
     */
    @ParameterizedTest(name = "session {0}, offline [{1}], alarm covers [{2}] -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # session | offline devices                     | alarm covers        | changes    | message of the raise
            no        | monitor-1:silent                    | -                   | none       |
            no        | monitor-1:disconnected              | -                   | none       |
            yes       |                                     | -                   | none       |
            yes       | monitor-1:silent                    | -                   | raise      | Device monitor-1 offline: no usable data for 10 s
            yes       | monitor-1:disconnected              | -                   | raise      | Device monitor-1 offline: disconnected (end of stream)
            yes       | monitor-1:silent pump-1:disconnected | -                  | raise      | Device monitor-1 offline: no usable data for 10 s; Device pump-1 offline: disconnected (end of stream)
            yes       | monitor-1:silent                    | monitor-1           | none       |
            yes       | monitor-1:disconnected              | monitor-1           | none       |
            yes       | pump-1:silent                       | monitor-1 pump-1    | none       |
            yes       | monitor-1:silent pump-1:silent      | monitor-1           | end, raise | Device monitor-1 offline: no usable data for 10 s; Device pump-1 offline: no usable data for 10 s
            yes       | pump-1:silent                       | monitor-1           | end, raise | Device pump-1 offline: no usable data for 10 s
            yes       |                                     | monitor-1           | end        |
            yes       |                                     | monitor-1 pump-1    | end        |
            """)
    void decidesTheDeviceOfflineAlarmOfAChair(String session, String offline, String covers, String changes,
                                              String message) {
        // given
        ChairSupervision chair = new ChairSupervision(session.equals("yes") ? SESSION : null, devices(offline),
                covers.equals("-") ? null : new OfflineAlarm(ACTIVE, ids(covers)));

        // when
        List<AlarmChange> decided = DeviceOfflineRule.changes(chair);

        // then
        assertThat(decided).containsExactlyElementsOf(expected(changes, message));
    }

    @Test
    void theAlarmIsATechnicalMediumAlarm() {
        // given
        ChairSupervision chair = new ChairSupervision(SESSION, devices("monitor-1:silent"), null);

        // when
        List<AlarmChange> decided = DeviceOfflineRule.changes(chair);

        // then
        assertThat(decided).singleElement().isInstanceOfSatisfying(Raise.class, raise -> {
            assertThat(raise.rule()).isEqualTo("device-offline");
            assertThat(raise.condition().kind()).isEqualTo(AlarmKind.TECHNICAL);
            assertThat(raise.condition().priority()).isEqualTo(AlarmPriority.MEDIUM);
            assertThat(raise.condition().value()).isNull();
        });
    }

    @Test
    void theConditionBeganWithTheEarliestOutageOfTheChair() {
        // given
        OfflineDevice monitor = OfflineDevice.silent(
                new DeviceSilentEvent(new DeviceId("monitor-1"), CHAIR, Duration.ofSeconds(12), AT,
                        AT.plusSeconds(12)));
        OfflineDevice pump = OfflineDevice.disconnected(
                new DeviceDisconnectedEvent(new DeviceId("pump-1"), CHAIR, "end of stream", AT.plusSeconds(5)));

        // when
        ChairSupervision chair = new ChairSupervision(SESSION, List.of(pump, monitor), null);

        // then
        assertThat(chair.offlineSince()).isEqualTo(AT);
        assertThat(monitor.describe()).isEqualTo("Device monitor-1 offline: no usable data for 12 s");
    }

    @Test
    void aSilenceWithoutAnyUsableMessageBeganTheSilenceTimeAgo() {
        // when
        OfflineDevice neverSent = OfflineDevice.silent(
                new DeviceSilentEvent(new DeviceId("monitor-1"), CHAIR, Duration.ofSeconds(10), null, AT));

        // then
        assertThat(neverSent.since()).isEqualTo(AT.minusSeconds(10));
    }

    private static List<OfflineDevice> devices(String offline) {
        if (offline == null) {
            return List.of();
        }
        return Arrays.stream(offline.trim().split(" ")).map(DeviceOfflineRuleTest::device).toList();
    }

    private static OfflineDevice device(String written) {
        String[] parts = written.split(":");
        DeviceId id = new DeviceId(parts[0]);
        return switch (parts[1]) {
            case "silent" -> OfflineDevice.silent(new DeviceSilentEvent(id, CHAIR, Duration.ofSeconds(10), AT, AT));
            case "disconnected" -> OfflineDevice.disconnected(new DeviceDisconnectedEvent(id, CHAIR, "end of stream",
                    AT));
            default -> throw new IllegalArgumentException(written);
        };
    }

    private static Set<DeviceId> ids(String covers) {
        return Arrays.stream(covers.trim().split(" ")).map(DeviceId::new).collect(Collectors.toSet());
    }

    private static List<AlarmChange> expected(String changes, String message) {
        List<AlarmChange> expected = new ArrayList<>();
        for (String change : changes.split(", ")) {
            switch (change) {
                case "none" -> {
                }
                case "end" -> expected.add(new EndCondition(ACTIVE));
                case "raise" -> expected.add(new Raise(DeviceOfflineRule.NAME,
                        new Condition(AlarmPriority.MEDIUM, AlarmKind.TECHNICAL, message, null)));
                default -> throw new IllegalArgumentException(change);
            }
        }
        return expected;
    }
}
