package org.vigil.adapters.intellivue.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.adapters.intellivue.wire.TestBytes.concat;
import static org.vigil.adapters.intellivue.wire.TestBytes.hex;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.Observation;

class IntelliVueClientTest {

    private static final Instant T0 = Instant.parse("2017-11-04T13:44:50Z");
    private static final byte[] ACCEPT = MibFrameEncoder.encode(hex("0E 0E 05 08 13 01 00 16 01 02 80 00 14 02 00 02"));
    private static final byte[] REFUSE = MibFrameEncoder.encode(hex("0C 03 32 01 00"));
    private static final byte[] ABORT = MibFrameEncoder.encode(hex("19 05 11 01 03 C1 00"));
    private static final byte[] RELEASE_RESULT = MibFrameEncoder.encode(ClientMessageEncoder.releaseResult());
    private static final byte[] RELEASE_REQUEST = MibFrameEncoder.encode(ClientMessageEncoder.releaseRequest());
    private static final byte[] MDS_CREATE = MibFrameEncoder.encode(TestBytes.capture(1));
    private static final byte[] NUMERICS = MibFrameEncoder.encode(TestBytes.capture(3));

    private IntelliVueClient client;

    @BeforeEach
    void createClient() {
        IntelliVueClientSettings config = IntelliVueClientSettings
                .defaults(new DeviceId("intellivue-chair-3"), ZoneId.of("Europe/Paris"))
                .withAcceptDemoData(true);
        client = new IntelliVueClient(config);
    }

    @Test
    void associatesConfirmsTheMdsAndPollsEverySecond() {
        // when
        List<ClientAction> started = client.start(T0);
        List<ClientAction> accepted = client.receive(ACCEPT, T0.plusMillis(100));
        List<ClientAction> created = client.receive(MDS_CREATE, T0.plusMillis(200));
        List<ClientAction> early = client.tick(T0.plusMillis(1199));
        List<ClientAction> due = client.tick(T0.plusMillis(1200));

        // then
        assertThat(sent(started)).containsExactly(ClientMessageEncoder.associationRequest());
        assertThat(client.state()).isEqualTo(ClientState.POLLING);
        assertThat(accepted).containsExactly(new ClientAction.StateChanged(ClientState.ASSOCIATING,
                ClientState.AWAITING_MDS_CREATE, "association accepted"));
        assertThat(sent(created)).hasSize(2);
        assertThat(sent(created).get(0)).containsExactly(hex(
                "E1 00 00 02 00 02 00 14 00 01 00 01 00 0E 00 21 00 00 00 00 0D 58 B8 00 0D 06 00 00"));
        assertThat(sent(created).get(1)).containsExactly(ClientMessageEncoder.extendedNumericPoll(1, 1));
        assertThat(early).isEmpty();
        assertThat(sent(due)).containsExactly(ClientMessageEncoder.extendedNumericPoll(2, 2));
        assertThat(client.counters().pollsSent()).isEqualTo(2);
    }

    @Test
    void publishesObservationsStampedWithTheMonitorsClock() {
        // given
        associated();

        // when
        List<ClientAction> actions = client.receive(NUMERICS, T0.plusSeconds(2));

        // then: MDS absolute time 14:44:51 Paris at RelativeTime 0x0D58B800, data taken 572160 ticks later
        DeviceObservations observations = published(actions).get(0);
        Instant taken = Instant.parse("2017-11-04T13:44:51Z").plusMillis(71_520);
        assertThat(observations.deviceTime()).isEqualTo(taken);
        assertThat(observations.receivedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(observations.observations()).extracting(Observation::value).containsExactly(60.0, 15.0, 95.0, 60.0);
        assertThat(client.counters().published()).isEqualTo(1);
        assertThat(client.counters().unmappedNumerics()).isEqualTo(2);
        assertThat(client.counters().skippedObjects()).isEqualTo(4);
    }

    @Test
    void givesEveryMessageItsOwnKey() {
        // given
        associated();

        // when
        List<DeviceObservations> first = published(client.receive(MibFrameEncoder.encode(TestBytes.capture(2)),
                T0.plusSeconds(2)));
        List<DeviceObservations> second = published(client.receive(NUMERICS, T0.plusSeconds(2)));

        // then
        assertThat(first.get(0).messageKey()).isNotEqualTo(second.get(0).messageKey());
    }

    @Test
    void repeatsAnUnansweredAssociationRequest() {
        // given
        client.start(T0);

        // when
        List<ClientAction> waiting = client.tick(T0.plusMillis(4999));
        List<ClientAction> repeated = client.tick(T0.plusSeconds(5));

        // then
        assertThat(waiting).isEmpty();
        assertThat(sent(repeated)).containsExactly(ClientMessageEncoder.associationRequest());
    }

    @Test
    void asksAgainAfterARefusalOnceTheAnswerTimeoutHasPassed() {
        // given
        client.start(T0);

        // when
        List<ClientAction> refused = client.receive(REFUSE, T0.plusSeconds(1));
        List<ClientAction> tooSoon = client.tick(T0.plusSeconds(5));
        List<ClientAction> retried = client.tick(T0.plusSeconds(6));

        // then
        assertThat(refused).isEmpty();
        assertThat(tooSoon).isEmpty();
        assertThat(sent(retried)).containsExactly(ClientMessageEncoder.associationRequest());
    }

    @Test
    void startsOverWhenNoMdsCreateEventFollowsTheAcceptance() {
        // given
        client.start(T0);
        client.receive(ACCEPT, T0);

        // when
        List<ClientAction> actions = client.tick(T0.plusSeconds(5));

        // then
        assertThat(client.state()).isEqualTo(ClientState.ASSOCIATING);
        assertThat(sent(actions)).containsExactly(ClientMessageEncoder.associationRequest());
    }

    @Test
    void reassociatesWhenThePolledMonitorFallsSilent() {
        // given
        associated();

        // when: polls go out every second and nothing comes back
        for (int s = 1; s < 10; s++) {
            assertThat(sent(client.tick(T0.plusSeconds(s)))).hasSize(1);
        }
        List<ClientAction> silent = client.tick(T0.plusSeconds(10));

        // then
        assertThat(silent.get(0)).isEqualTo(new ClientAction.StateChanged(ClientState.POLLING,
                ClientState.ASSOCIATING, "monitor silent for PT10S"));
        assertThat(sent(silent)).containsExactly(ClientMessageEncoder.associationRequest());
    }

    @Test
    void keepsPollingWhileTheMonitorAnswers() {
        // given
        associated();

        // when
        for (int s = 1; s <= 30; s++) {
            client.tick(T0.plusSeconds(s));
            client.receive(NUMERICS, T0.plusSeconds(s).plusMillis(50));
        }

        // then
        assertThat(client.state()).isEqualTo(ClientState.POLLING);
        assertThat(client.counters().pollsSent()).isEqualTo(31);
        assertThat(client.counters().published()).isEqualTo(30);
    }

    @Test
    void reassociatesAfterTheMonitorAborts() {
        // given
        associated();

        // when
        List<ClientAction> actions = client.receive(ABORT, T0.plusSeconds(3));

        // then
        assertThat(client.state()).isEqualTo(ClientState.ASSOCIATING);
        assertThat(sent(actions)).containsExactly(ClientMessageEncoder.associationRequest());
    }

    @Test
    void confirmsTheMonitorsReleaseThenReassociates() {
        // given
        associated();

        // when
        List<ClientAction> actions = client.receive(RELEASE_REQUEST, T0.plusSeconds(3));

        // then
        assertThat(sent(actions)).containsExactly(ClientMessageEncoder.releaseResult(),
                ClientMessageEncoder.associationRequest());
    }

    @Test
    void releasesTheAssociationWhenStopped() {
        // given
        associated();

        // when
        List<ClientAction> stopping = client.stop(T0.plusSeconds(3));
        List<ClientAction> released = client.receive(RELEASE_RESULT, T0.plusSeconds(3));
        List<ClientAction> later = client.tick(T0.plusSeconds(30));

        // then
        assertThat(sent(stopping)).containsExactly(ClientMessageEncoder.releaseRequest());
        assertThat(released).containsExactly(new ClientAction.StateChanged(ClientState.RELEASING,
                ClientState.DISCONNECTED, "association released"));
        assertThat(later).isEmpty();
        assertThat(client.state()).isEqualTo(ClientState.DISCONNECTED);
    }

    @Test
    void countsBadFramesAndMessagesAndCarriesOn() {
        // given
        associated();
        byte[] badFcs = NUMERICS.clone();
        badFcs[20] ^= 0x01;
        byte[] undecodable = MibFrameEncoder.encode(hex("E1 00 00 02 00 02 00 FF"));

        // when
        List<ClientAction> actions = client.receive(concat(hex("00 01 02"), badFcs, undecodable, NUMERICS),
                T0.plusSeconds(2));

        // then
        assertThat(published(actions)).hasSize(1);
        assertThat(client.counters().frameFailures()).isEqualTo(2);
        assertThat(client.counters().decodeFailures()).isEqualTo(1);
        assertThat(client.state()).isEqualTo(ClientState.POLLING);
    }

    @Test
    void ignoresNumericsBeforeTheMdsIsConfirmed() {
        // given
        client.start(T0);
        client.receive(ACCEPT, T0);

        // when
        List<ClientAction> actions = client.receive(NUMERICS, T0.plusMillis(10));

        // then
        assertThat(actions).isEmpty();
        assertThat(client.state()).isEqualTo(ClientState.AWAITING_MDS_CREATE);
    }

    @Test
    void pollsAtTheConfiguredInterval() {
        // given
        client = new IntelliVueClient(IntelliVueClientSettings
                .defaults(new DeviceId("m"), ZoneId.of("UTC")).withPollInterval(Duration.ofMillis(250)));
        associated();

        // when
        List<ClientAction> actions = client.tick(T0.plusMillis(250));

        // then
        assertThat(sent(actions)).hasSize(1);
    }

    private void associated() {
        client.start(T0);
        client.receive(ACCEPT, T0);
        client.receive(MDS_CREATE, T0);
    }

    private static List<byte[]> sent(List<ClientAction> actions) {
        return actions.stream()
                .filter(ClientAction.Send.class::isInstance)
                .map(a -> MibFramerTest.payloadsOf(new MibFramer().feed(((ClientAction.Send) a).frame())).get(0))
                .toList();
    }

    private static List<DeviceObservations> published(List<ClientAction> actions) {
        return actions.stream()
                .filter(ClientAction.Publish.class::isInstance)
                .map(a -> ((ClientAction.Publish) a).observations())
                .toList();
    }
}
