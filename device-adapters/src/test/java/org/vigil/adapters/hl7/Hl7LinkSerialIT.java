package org.vigil.adapters.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.adapters.transport.LinkRecorder;
import org.vigil.adapters.transport.PtyPair;
import org.vigil.adapters.transport.SerialSettings;
import org.vigil.adapters.transport.SerialTransport;
import org.vigil.adapters.transport.TransportState;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.Observation;
import org.vigil.simulator.hl7.AckCode;
import org.vigil.simulator.hl7.Acknowledgement;

/**
 * HL7 on an RS-232 line, end to end: a monitor writing PCD-01 frames (encoded by the simulator) on one end of a
 * socat pseudo-terminal pair, the adapter's serial transport, supervision and MLLP message path on the other, and
 * the acknowledgements coming back over the same line.
 */
class Hl7LinkSerialIT {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private final InMemorySink sink = new InMemorySink();
    private final LinkRecorder<DeviceReport> listener = new LinkRecorder<>();
    private Vertx vertx;
    private PtyPair cable;
    private PtyHl7Device monitor;
    private Hl7Link link;

    @BeforeEach
    void plugInTheMonitor() {
        vertx = Vertx.vertx();
        cable = PtyPair.start(directory);
        monitor = PtyHl7Device.on(cable.a());
        link = Hl7Links.supervised(SimulatedMonitor.DEVICE,
                new SerialTransport(SerialSettings.eightNoneOne(cable.b().toString(), 115_200), SimulatedMonitor.FAST),
                sink, listener, SimulatedMonitor.SUPERVISION, vertx, Clock.systemUTC());
        link.start();
        await().atMost(PATIENCE).until(() -> listener.count("connected") == 1 && monitor.isOpen());
    }

    @AfterEach
    void unplugEverything() throws Exception {
        link.stop();
        monitor.close();
        cable.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void acknowledgesOverTheSameLineOnlyAfterTheSinkHasStoredTheObservations() {
        // given
        sink.holdCommits();

        // when
        monitor.send(SimulatedMonitor.vitals("HR-1", 72));

        // then
        await().atMost(PATIENCE).until(() -> sink.heldCount() == 1);
        await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> monitor.acks().texts().isEmpty());
        sink.commitNext();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(monitor.acks().acks()).singleElement()
                .satisfies(ack -> {
                    assertThat(ack.code()).isEqualTo(AckCode.ACCEPT);
                    assertThat(ack.controlId()).isEqualTo("HR-1");
                }));
        assertThat(sink.stored().values()).singleElement().isInstanceOfSatisfying(DeviceObservations.class,
                observations -> {
                    assertThat(observations.deviceId()).isEqualTo(SimulatedMonitor.DEVICE);
                    assertThat(observations.observations()).extracting(Observation::mdcCode, Observation::value)
                            .contains(tuple(147842, 72.0));
                });
        assertThat(listener.results()).hasSize(1);
        assertThat(link.counters().acksAccepted()).isEqualTo(1);
        assertThat(link.counters().framesReceived()).isEqualTo(1);
    }

    @Test
    void answersBadMessagesWithTheReasonAndKeepsTheLineWorking() {
        // when
        monitor.send(SimulatedMonitor.garbageFrame());
        monitor.send(SimulatedMonitor.admission("ADT-1"));
        monitor.send(SimulatedMonitor.vitals("HR-2", 80));

        // then
        await().atMost(PATIENCE).until(() -> monitor.acks().texts().size() == 3);
        assertThat(monitor.acks().acks()).extracting(Acknowledgement::rawCode, Acknowledgement::controlId)
                .containsExactly(tuple("AR", ""),
                        tuple("AR", "ADT-1"),
                        tuple("AA", "HR-2"));
        assertThat(monitor.acks().acks().get(0).reason()).contains("does not start with an MSH segment");
        assertThat(monitor.acks().acks().get(1).reason()).contains("unsupported message type");
        assertThat(sink.stored()).hasSize(1);
        Hl7LinkCounters statistics = link.counters();
        assertThat(statistics.decodeFailures()).isEqualTo(2);
        assertThat(statistics.acksRejected()).isEqualTo(2);
        assertThat(statistics.acksAccepted()).isEqualTo(1);
        assertThat(statistics.connection().state()).isEqualTo(TransportState.CONNECTED);
    }

    @Test
    void reportsThePulledCableAndCarriesOnWhenItIsPluggedBackIn() {
        // given
        monitor.send(SimulatedMonitor.vitals("HR-3", 75));
        await().atMost(PATIENCE).until(() -> monitor.acks().texts().size() == 1);

        // when
        cable.kill();

        // then
        await().atMost(PATIENCE).until(() -> listener.count("disconnected") == 1);
        await().atMost(PATIENCE).until(() -> listener.count("silent") == 1);
        assertThat(link.counters().connection().state()).isNotEqualTo(TransportState.CONNECTED);
        assertThat(link.counters().messages().connectionsOpen()).isZero();

        // when
        cable.restart();
        await().atMost(PATIENCE).until(() -> listener.count("connected") == 2 && monitor.opens() == 2
                && monitor.isOpen());
        monitor.send(SimulatedMonitor.vitals("HR-4", 77));

        // then
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(monitor.acks().acks())
                .extracting(Acknowledgement::rawCode, Acknowledgement::controlId)
                .containsExactly(tuple("AA", "HR-3"), tuple("AA", "HR-4")));
        assertThat(sink.stored()).hasSize(2);
        assertThat(listener.events()).startsWith("connected").contains("recovered")
                .noneMatch(event -> event.startsWith("decode failed"));
        assertThat(link.counters().connection().connections()).isEqualTo(2);
        assertThat(link.counters().connection().silent()).isFalse();
    }
}
