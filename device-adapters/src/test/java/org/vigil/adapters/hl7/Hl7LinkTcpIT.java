package org.vigil.adapters.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.adapters.transport.LinkRecorder;
import org.vigil.adapters.transport.TcpClientTransport;
import org.vigil.adapters.transport.TcpListenerTransport;
import org.vigil.adapters.transport.TransportState;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DeviceReport;
import org.vigil.simulator.hl7.AckCode;
import org.vigil.simulator.hl7.Acknowledgement;
import org.vigil.simulator.mllp.DeliveryOutcome;
import org.vigil.simulator.mllp.MllpClient;
import org.vigil.simulator.mllp.MllpClientSettings;

/**
 * HL7 over TCP, end to end: a monitor whose HL7 output a terminal server serves on a TCP port, which the adapter's
 * TCP client transport dials; and a gateway that dials the adapter's own TCP port with the simulator's MLLP client.
 */
class Hl7LinkTcpIT {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final InMemorySink sink = new InMemorySink();
    private final LinkRecorder<DeviceReport> listener = new LinkRecorder<>();
    private Vertx vertx;
    private ListeningHl7Device monitor;
    private Hl7Link link;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (link != null) {
            link.stop();
        }
        if (monitor != null) {
            monitor.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void acknowledgesOverTheTerminalServerConnectionOnlyAfterTheSinkHasStored() throws Exception {
        // given
        dialTheMonitor();
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
                observations -> assertThat(observations.deviceId()).isEqualTo(SimulatedMonitor.DEVICE));
        assertThat(listener.results()).hasSize(1);
    }

    @Test
    void answersInArrivalOrderWhileTheSinkTakesOneMessageAtATime() throws Exception {
        // given
        dialTheMonitor();
        sink.holdCommits();

        // when
        monitor.send(concat(SimulatedMonitor.vitals("HR-2", 70), SimulatedMonitor.garbageFrame(),
                SimulatedMonitor.vitals("HR-3", 71)));

        // then
        await().atMost(PATIENCE).until(() -> sink.heldCount() == 1);
        await().during(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> sink.received().size() == 1);
        sink.commitNext();
        await().atMost(PATIENCE).until(() -> sink.heldCount() == 1 && sink.received().size() == 2);
        sink.commitNext();
        await().atMost(PATIENCE).until(() -> monitor.acks().texts().size() == 3);
        assertThat(monitor.acks().acks()).extracting(Acknowledgement::rawCode, Acknowledgement::controlId)
                .containsExactly(tuple("AA", "HR-2"), tuple("AR", ""), tuple("AA", "HR-3"));
        assertThat(link.counters().decodeFailures()).isEqualTo(1);
    }

    @Test
    void dropsFramesBeyondTheBacklogBoundUnansweredAndAnswersEveryOtherInOrder() throws Exception {
        // given
        dialTheMonitor();
        sink.holdCommits();
        ByteArrayOutputStream flood = new ByteArrayOutputStream();
        for (int i = 0; i < 1_100; i++) {
            flood.writeBytes(SimulatedMonitor.vitals("F-" + i, 60 + i % 40));
        }

        // when
        monitor.send(flood.toByteArray());

        // then
        await().atMost(PATIENCE).until(() -> link.counters().messages().framesReceived() == 1_100);
        assertThat(link.counters().messages().framesDropped()).isEqualTo(76);
        sink.stopHolding();
        await().atMost(Duration.ofSeconds(60)).until(() -> monitor.acks().texts().size() == 1_024);
        assertThat(monitor.acks().acks()).extracting(Acknowledgement::controlId)
                .startsWith("F-0", "F-1", "F-2").endsWith("F-1023");
        assertThat(sink.stored()).hasSize(1_024);
    }

    @Test
    void reportsTheLostTerminalServerAndCarriesOnWhenItComesBack() throws Exception {
        // given
        dialTheMonitor();
        int port = monitor.port();
        monitor.send(SimulatedMonitor.vitals("HR-4", 75));
        await().atMost(PATIENCE).until(() -> monitor.acks().texts().size() == 1);

        // when
        monitor.close();

        // then
        await().atMost(PATIENCE).until(() -> listener.count("disconnected") == 1);
        await().atMost(PATIENCE).until(() -> listener.count("silent") == 1);
        assertThat(link.counters().connection().state()).isNotEqualTo(TransportState.CONNECTED);

        // when
        monitor = ListeningHl7Device.on(port);
        await().atMost(PATIENCE).until(() -> listener.count("connected") == 2 && monitor.hasClient());
        monitor.send(SimulatedMonitor.vitals("HR-5", 77));

        // then
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(monitor.acks().acks()).singleElement()
                .satisfies(ack -> assertThat(ack.controlId()).isEqualTo("HR-5")));
        assertThat(sink.stored()).hasSize(2);
        assertThat(listener.events()).startsWith("connected").contains("recovered")
                .noneMatch(event -> event.startsWith("decode failed"));
        assertThat(link.counters().connection().connections()).isEqualTo(2);
        assertThat(link.counters().connection().silent()).isFalse();
    }

    @Test
    void takesAGatewayDiallingIntoTheDevicesOwnPort() throws Exception {
        // given
        TcpListenerTransport port = new TcpListenerTransport(vertx, "127.0.0.1", 0, SimulatedMonitor.FAST);
        link = Hl7Links.supervised("gateway on its own port", port, sink, listener, SimulatedMonitor.SUPERVISION,
                vertx, Clock.systemUTC());
        link.start();
        await().atMost(PATIENCE).until(() -> port.actualPort() > 0);

        // when
        DeliveryOutcome rejected;
        DeliveryOutcome accepted;
        try (MllpClient gateway = new MllpClient("gateway", "127.0.0.1", port.actualPort(),
                MllpClientSettings.defaults().withAckTimeout(PATIENCE))) {
            rejected = gateway.send("ADT-7", SimulatedMonitor.admissionText("ADT-7"));
            accepted = gateway.send("HR-6", SimulatedMonitor.vitalsText("HR-6", 68));
        }

        // then
        assertThat(rejected).isEqualTo(DeliveryOutcome.REJECTED);
        assertThat(accepted).isEqualTo(DeliveryOutcome.ACCEPTED);
        assertThat(sink.stored()).hasSize(1);
        assertThat(link.counters().acksRejected()).isEqualTo(1);
        assertThat(link.counters().acksAccepted()).isEqualTo(1);
    }

    private void dialTheMonitor() throws Exception {
        monitor = ListeningHl7Device.on(0);
        link = Hl7Links.supervised(SimulatedMonitor.DEVICE,
                new TcpClientTransport(vertx, "127.0.0.1", monitor.port(), SimulatedMonitor.FAST), sink, listener,
                SimulatedMonitor.SUPERVISION, vertx, Clock.systemUTC());
        link.start();
        await().atMost(PATIENCE).until(() -> listener.count("connected") == 1 && monitor.hasClient());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
