package org.vigil.adapters.intellivue.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.Observation;
import org.vigil.core.api.Vital;
import org.vigil.simulator.intellivue.ImpersonatorConfig;
import org.vigil.simulator.intellivue.IntelliVueImpersonator;
import org.vigil.simulator.intellivue.SimulatedNumerics;

/**
 * The IntelliVue client against the simulator's independent IntelliVue impersonator (the two share no code and meet
 * only on the bytes), entirely in memory: every byte goes through both framers, split into small chunks, with time
 * stepped by the test.
 */
class IntelliVueRoundTripTest {

    private static final Instant BOOT = Instant.parse("2024-05-02T06:59:30Z");
    private static final Instant START = BOOT.plusSeconds(30);
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Duration STEP = Duration.ofMillis(100);
    private static final SimulatedNumerics VITALS =
            new SimulatedNumerics(72.0, 97.0, 71.0, 14.0, 128.0, 84.0, 99.0);

    private final List<DeviceObservations> published = new ArrayList<>();
    private final List<ClientAction.StateChanged> transitions = new ArrayList<>();
    private IntelliVueClient client;
    private IntelliVueImpersonator monitor;
    private boolean clientToMonitorLinkUp = true;

    @Test
    void associatesAndDeliversTheMonitorsNumericsEverySecond() {
        // given
        connect(0, Duration.ofSeconds(10), true, VITALS);

        // when
        Instant end = run(START, Duration.ofSeconds(5));

        // then
        assertThat(published).hasSizeBetween(5, 6);
        assertThat(published.get(0).observations())
                .extracting(Observation::vital, Observation::value, Observation::unit)
                .containsExactly(
                        tuple(Optional.of(Vital.HEART_RATE), 72.0, "/min"),
                        tuple(Optional.of(Vital.SPO2), 97.0, "%"),
                        tuple(Optional.of(Vital.PULSE_RATE), 71.0, "/min"),
                        tuple(Optional.of(Vital.RESPIRATORY_RATE), 14.0, "/min"),
                        tuple(Optional.of(Vital.NIBP_SYSTOLIC), 128.0, "mm[Hg]"),
                        tuple(Optional.of(Vital.NIBP_DIASTOLIC), 84.0, "mm[Hg]"),
                        tuple(Optional.of(Vital.NIBP_MEAN), 99.0, "mm[Hg]"));
        assertThat(client.state()).isEqualTo(ClientState.POLLING);
        assertThat(monitor.state()).isEqualTo(IntelliVueImpersonator.State.ASSOCIATED);
        assertThat(client.counters().associations()).isEqualTo(1);
        assertThat(client.counters().frameFailures()).isZero();
        assertThat(client.counters().decodeFailures()).isZero();
        assertThat(end).isAfter(START);
    }

    @Test
    void stampsObservationsWithTheMonitorsOwnClock() {
        // given
        connect(0, Duration.ofSeconds(10), true, VITALS);

        // when
        run(START, Duration.ofSeconds(3));

        // then: the monitor's wall clock is the test's clock; BCD absolute time keeps hundredths
        for (DeviceObservations observations : published) {
            Duration lag = Duration.between(observations.deviceTime(), observations.receivedAt());
            assertThat(lag).isBetween(Duration.ZERO, Duration.ofMillis(10));
        }
    }

    @Test
    void deliversNotAvailableValuesAsNull() {
        // given
        connect(0, Duration.ofSeconds(10), true,
                new SimulatedNumerics(88.0, null, null, 12.0, null, null, null));

        // when
        run(START, Duration.ofSeconds(2));

        // then
        assertThat(published.get(0).observations())
                .extracting(Observation::vital, Observation::value)
                .containsExactly(
                        tuple(Optional.of(Vital.HEART_RATE), 88.0),
                        tuple(Optional.of(Vital.SPO2), null),
                        tuple(Optional.of(Vital.PULSE_RATE), null),
                        tuple(Optional.of(Vital.RESPIRATORY_RATE), 12.0),
                        tuple(Optional.of(Vital.NIBP_SYSTOLIC), null),
                        tuple(Optional.of(Vital.NIBP_DIASTOLIC), null),
                        tuple(Optional.of(Vital.NIBP_MEAN), null));
    }

    @Test
    void keepsDeviceTimesIncreasingWhileTheMonitorsRelativeTimeWrapsAround() {
        // given: at the first poll the monitor's 32-bit counter is three seconds short of wrapping
        long threeSecondsBeforeWrap = (0x1_0000_0000L - 3 * 8000 - 30 * 8000) & 0xFFFF_FFFFL;
        connect(threeSecondsBeforeWrap, Duration.ofSeconds(10), true, VITALS);

        // when
        run(START, Duration.ofSeconds(8));

        // then
        List<Instant> deviceTimes = published.stream().map(DeviceObservations::deviceTime).toList();
        assertThat(deviceTimes).hasSizeGreaterThanOrEqualTo(7).isSorted().doesNotHaveDuplicates();
        for (int i = 1; i < deviceTimes.size(); i++) {
            assertThat(Duration.between(deviceTimes.get(i - 1), deviceTimes.get(i)))
                    .isBetween(Duration.ofMillis(900), Duration.ofMillis(1100));
        }
        assertThat(published.get(published.size() - 1).deviceTime())
                .isBetween(START.plusSeconds(7).minusMillis(10), START.plusSeconds(8));
    }

    @Test
    void reassociatesAfterTheMonitorAbortsAnAssociationThatWasNotPolled() {
        // given
        connect(0, Duration.ofSeconds(5), true, VITALS);
        Instant t = run(START, Duration.ofSeconds(3));

        // when: the client's polls stop reaching the monitor for eight seconds
        clientToMonitorLinkUp = false;
        t = run(t, Duration.ofSeconds(8));
        int publishedWhileDown = published.size();
        clientToMonitorLinkUp = true;
        run(t, Duration.ofSeconds(8));

        // then
        assertThat(transitions).extracting(ClientAction.StateChanged::reason)
                .contains("monitor aborted the association");
        assertThat(client.counters().associations()).isEqualTo(2);
        assertThat(published.size()).isGreaterThan(publishedWhileDown + 1);
        assertThat(client.state()).isEqualTo(ClientState.POLLING);
        assertThat(monitor.state()).isEqualTo(IntelliVueImpersonator.State.ASSOCIATED);
    }

    @Test
    void reassociatesWhenTheMonitorDropsTheAssociationSilently() {
        // given
        connect(0, Duration.ofSeconds(5), false, VITALS);
        Instant t = run(START, Duration.ofSeconds(3));

        // when
        clientToMonitorLinkUp = false;
        t = run(t, Duration.ofSeconds(6));
        clientToMonitorLinkUp = true;
        run(t, Duration.ofSeconds(12));

        // then
        assertThat(transitions).extracting(ClientAction.StateChanged::reason).contains("monitor silent for PT10S");
        assertThat(client.counters().associations()).isEqualTo(2);
        assertThat(client.state()).isEqualTo(ClientState.POLLING);
    }

    @Test
    void releasesTheAssociationOnStop() {
        // given
        connect(0, Duration.ofSeconds(10), true, VITALS);
        Instant t = run(START, Duration.ofSeconds(2));

        // when
        process(client.stop(t), t);

        // then
        assertThat(client.state()).isEqualTo(ClientState.DISCONNECTED);
        assertThat(monitor.state()).isEqualTo(IntelliVueImpersonator.State.IDLE);
    }

    private void connect(long initialRelativeTime, Duration monitorTimeout, boolean abortWhenDropping,
                         SimulatedNumerics numerics) {
        monitor = new IntelliVueImpersonator(
                new ImpersonatorConfig(monitorTimeout, initialRelativeTime, ZONE, abortWhenDropping),
                now -> numerics, BOOT);
        client = new IntelliVueClient(IntelliVueClientSettings.defaults(new DeviceId("intellivue-chair-1"), ZONE));
        process(client.start(START), START);
    }

    /** Steps both sides' clocks; returns the time reached. */
    private Instant run(Instant from, Duration length) {
        Instant t = from;
        for (Instant end = from.plus(length); t.isBefore(end); t = t.plus(STEP)) {
            toClient(monitor.tick(t), t);
            process(client.tick(t), t);
        }
        return t;
    }

    private void process(List<ClientAction> actions, Instant now) {
        for (ClientAction action : actions) {
            if (action instanceof ClientAction.Send send && clientToMonitorLinkUp) {
                for (byte[] chunk : chunks(send.frame(), 7)) {
                    toClient(monitor.receive(chunk, now), now);
                }
            } else if (action instanceof ClientAction.Publish publish) {
                published.add(publish.observations());
            } else if (action instanceof ClientAction.StateChanged changed) {
                transitions.add(changed);
            }
        }
    }

    private void toClient(List<byte[]> frames, Instant now) {
        for (byte[] frame : frames) {
            for (byte[] chunk : chunks(frame, 3)) {
                process(client.receive(chunk, now), now);
            }
        }
    }

    private static List<byte[]> chunks(byte[] bytes, int size) {
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += size) {
            chunks.add(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + size)));
        }
        return chunks;
    }
}
