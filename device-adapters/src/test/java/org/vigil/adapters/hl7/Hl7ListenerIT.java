package org.vigil.adapters.hl7;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.adapters.hl7.wire.AckCode;
import org.vigil.adapters.hl7.wire.Mllp;
import org.vigil.adapters.hl7.wire.Pcd01Examples;
import org.vigil.adapters.hl7.wire.PcdExamples;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class Hl7ListenerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2024-03-05T15:15:02Z");
    private static final String GATEWAY_NIBP = Pcd01Examples.load(Pcd01Examples.NIST_GATEWAY_NIBP);
    private static final String MONITOR = Pcd01Examples.load(Pcd01Examples.GE_B40_MONITOR);
    private static final String PUMP_EVENT = PcdExamples.load(PcdExamples.IPEC_DELIVERY_START);
    private static final String OCCLUSION_START = PcdExamples.load(PcdExamples.PUMP_OCCLUSION_START);
    private static final String OCCLUSION_END = PcdExamples.load(PcdExamples.PUMP_OCCLUSION_END);
    private static final String SPO2_ALARM = PcdExamples.load(PcdExamples.SPO2_LOW_START);
    private static final String MONITOR_AND_PUMP = PcdExamples.load(PcdExamples.MONITOR_AND_PUMP);
    private static final String NO_OBSERVATION = "MSH|^~\\&|GW^0123^EUI-64|ICU|||20240305101500||ORU^R01^ORU_R01|EMPTY-1|P|2.6\r"
            + "OBR|1|||182777000^monitoring of patient^SCT|||20240305101500\r"
            + "OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X\r";

    private final InMemorySink sink = new InMemorySink();
    private Vertx vertx;
    private Hl7Listener listener;
    private MllpTestClient client;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (client != null) {
            client.close();
        }
        if (listener != null) {
            listener.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void acknowledgesOnlyAfterTheSinkHasCommitted() throws Exception {
        // given
        connect(startListener(1024 * 1024));
        sink.holdCommits();

        // when
        client.send(Mllp.wrap(GATEWAY_NIBP));

        // then
        await().atMost(PATIENCE).until(() -> sink.heldCount() == 1);
        await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> client.acks().isEmpty());
        sink.commitNext();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(client.acks()).singleElement()
                .satisfies(ack -> assertThat(ack).contains("\rMSA|AA|0104ef190d604db188c3\r")));
        assertThat(sink.stored()).hasSize(1);
    }

    @Test
    void handsOverTheMappedObservationsWithTheReceiveTime() throws Exception {
        // given
        connect(startListener(1024 * 1024));

        // when
        client.send(Mllp.wrap(GATEWAY_NIBP));

        // then
        await().atMost(PATIENCE).until(() -> client.acks().size() == 1);
        var observations = (DeviceObservations) sink.received().get(0);
        assertThat(observations.deviceId()).isEqualTo(new DeviceId("080019FFFE3ED02D172.16.172.135"));
        assertThat(observations.receivedAt()).isEqualTo(NOW);
        assertThat(observations.observations()).extracting(Observation::mdcCode, Observation::value)
                .contains(tuple(150021, 120.0));
        assertThat(listener.counters().lastMessageTime(new DeviceId("080019FFFE3ED02D172.16.172.135")))
                .contains(NOW);
    }

    @Test
    void answersAnErrorForABadMessageAndAcceptsTheNextOnTheSameConnection() throws Exception {
        // given
        connect(startListener(1024 * 1024));

        // when
        client.send(Mllp.wrap(NO_OBSERVATION));
        client.send(Mllp.wrap(GATEWAY_NIBP));

        // then
        await().atMost(PATIENCE).until(() -> client.acks().size() == 2);
        assertThat(client.acks().get(0))
                .contains("\rMSA|AE|EMPTY-1\r")
                .contains("\rERR|||101^Required field missing^HL70357|E||||no numeric observation with an MDC code in OBX-3");
        assertThat(client.acks().get(1)).contains("\rMSA|AA|0104ef190d604db188c3\r");
        assertThat(listener.counters().mappingFailures()).isEqualTo(1);
        assertThat(listener.counters().acksError()).isEqualTo(1);
        assertThat(listener.counters().acksAccepted()).isEqualTo(1);
        assertThat(listener.counters().lastNak(new DeviceId("GW"))).as("the device MSH-3 names")
                .contains(new Hl7Nak(AckCode.AE, "no numeric observation with an MDC code in OBX-3 among 1 OBX segments", NOW));
    }

    @Test
    void rejectsAnUnsupportedMessageAndSomethingThatIsNotHl7() throws Exception {
        // given
        connect(startListener(1024 * 1024));

        // when
        client.send(Mllp.wrap("MSH|^~\\&|ADT|HOSP|||20240305101500||ADT^A01^ADT_A01|ADT-9|P|2.6\rPID|||1\r"));
        client.send(Mllp.wrap("hello"));
        client.send(Mllp.wrap(MONITOR));

        // then
        await().atMost(PATIENCE).until(() -> client.acks().size() == 3);
        assertThat(client.acks().get(0)).contains("|ACK^A01^ACK|").contains("\rMSA|AR|ADT-9\r")
                .contains("200^Unsupported message type^HL70357")
                .contains("unsupported message type ADT\\S\\A01\\S\\ADT_A01: accepted are ORU\\S\\R01 (IHE PCD-01), "
                        + "ORU\\S\\R40 (IHE PCD-04), ORU\\S\\R42 (IHE PCD-10)");
        assertThat(client.acks().get(1)).contains("\rMSA|AR|\r").contains("does not start with an MSH segment");
        assertThat(client.acks().get(2)).contains("\rMSA|AA|004097134535\r");
        assertThat(listener.counters().decodeFailures()).isEqualTo(2);
        assertThat(listener.counters().acksRejected()).isEqualTo(2);
        assertThat(listener.counters().lastNaks()).as("\"hello\" names no sender").containsOnlyKeys(new DeviceId("ADT"));
        assertThat(listener.counters().lastNak(new DeviceId("ADT")).orElseThrow().code()).isEqualTo(AckCode.AR);
        assertThat(listener.counters().lastNak(new DeviceId("ADT")).orElseThrow().reason())
                .startsWith("unsupported message type ADT^A01^ADT_A01");
    }

    @Test
    void acknowledgesAResendAgainButItIsStoredOnce() throws Exception {
        // given
        connect(startListener(1024 * 1024));

        // when
        client.send(Mllp.wrap(GATEWAY_NIBP));
        client.send(Mllp.wrap(GATEWAY_NIBP));

        // then
        await().atMost(PATIENCE).until(() -> client.acks().size() == 2);
        assertThat(client.acks()).allSatisfy(ack -> assertThat(ack).contains("\rMSA|AA|0104ef190d604db188c3\r"));
        assertThat(sink.stored()).hasSize(1);
        assertThat(listener.counters().recorded()).isEqualTo(1);
        assertThat(listener.counters().duplicates()).isEqualTo(1);
    }

    @Test
    void answersAnErrorWithTheReasonWhenTheStoreFails() throws Exception {
        // given
        connect(startListener(1024 * 1024));
        sink.failWith("event store unavailable");

        // when
        client.send(Mllp.wrap(GATEWAY_NIBP));
        await().atMost(PATIENCE).until(() -> client.acks().size() == 1);
        sink.stopFailing();
        client.send(Mllp.wrap(GATEWAY_NIBP));

        // then
        await().atMost(PATIENCE).until(() -> client.acks().size() == 2);
        assertThat(client.acks().get(0)).contains("\rMSA|AE|0104ef190d604db188c3\r")
                .contains("207^Application internal error^HL70357|E||||the observations were not stored: event store unavailable");
        assertThat(client.acks().get(1)).contains("\rMSA|AA|0104ef190d604db188c3\r");
        assertThat(listener.counters().storeFailures()).isEqualTo(1);
        assertThat(listener.counters().lastNak(new DeviceId("080019FFFE3ED02D172.16.172.135")))
                .as("the device of the observations, still the last NAK after the AA")
                .contains(new Hl7Nak(AckCode.AE, "the observations were not stored: event store unavailable", NOW));
    }

    @Test
    void skipsBytesOutsideFrames() throws Exception {
        // given
        connect(startListener(1024 * 1024));
        byte[] noise = "+++ATH\r\n".getBytes(StandardCharsets.US_ASCII);

        // when
        client.send(concat(noise, Mllp.wrap(GATEWAY_NIBP), noise, noise, Mllp.wrap(MONITOR)));

        // then
        await().atMost(PATIENCE).until(() -> client.acks().size() == 2);
        assertThat(client.acks()).allSatisfy(ack -> assertThat(ack).contains("\rMSA|AA|"));
        assertThat(listener.counters().bytesSkipped()).isEqualTo(3L * noise.length);
        assertThat(listener.counters().framesReceived()).isEqualTo(2);
    }

    @Test
    void reassemblesFramesSplitAcrossTcpWrites() throws Exception {
        // given
        connect(startListener(1024 * 1024));

        // when
        client.sendInPieces(concat(Mllp.wrap(MONITOR), Mllp.wrap(GATEWAY_NIBP)), 7);

        // then
        await().atMost(PATIENCE).until(() -> client.acks().size() == 2);
        assertThat(client.acks().get(0)).contains("\rMSA|AA|004097134535\r");
        assertThat(client.acks().get(1)).contains("\rMSA|AA|0104ef190d604db188c3\r");
        assertThat(sink.stored()).hasSize(2);
    }

    @Test
    void handsMessagesToTheSinkOneAtATimeAndAcknowledgesThemInOrder() throws Exception {
        // given
        connect(startListener(1024 * 1024));
        sink.holdCommits();

        // when
        client.send(concat(Mllp.wrap(GATEWAY_NIBP), Mllp.wrap(MONITOR), Mllp.wrap(NO_OBSERVATION)));

        // then
        await().atMost(PATIENCE).until(() -> sink.heldCount() == 1);
        await().during(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> sink.received().size() == 1);
        sink.commitNext();
        await().atMost(PATIENCE).until(() -> sink.heldCount() == 1 && sink.received().size() == 2);
        sink.commitNext();
        await().atMost(PATIENCE).until(() -> client.acks().size() == 3);
        assertThat(client.acks().get(0)).contains("\rMSA|AA|0104ef190d604db188c3\r");
        assertThat(client.acks().get(1)).contains("\rMSA|AA|004097134535\r");
        assertThat(client.acks().get(2)).contains("\rMSA|AE|EMPTY-1\r");
    }

    @Test
    void rejectsAnOversizedFrameByItsControlIdAndKeepsTheConnection() throws Exception {
        // given
        connect(startListener(400));
        String small = "MSH|^~\\&|GW|ICU|||20240305101500||ORU^R01^ORU_R01|S-1|P|2.6\r" + "OBR|1\r"
                + "OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|72|264864^MDC_DIM_BEAT_PER_MIN^MDC\r";

        // when
        client.send(Mllp.wrap(GATEWAY_NIBP));
        client.send(Mllp.wrap(small));

        // then
        await().atMost(PATIENCE).until(() -> client.acks().size() == 2);
        assertThat(client.acks().get(0)).contains("\rMSA|AR|0104ef190d604db188c3\r")
                .contains("104^Value too long^HL70357|E||||the message is longer than 400 bytes and was dropped");
        assertThat(client.acks().get(1)).contains("\rMSA|AA|S-1\r");
        assertThat(listener.counters().framesOversized()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("try") // the second connection is only held open
    void countsOpenConnections() throws Exception {
        // given
        int port = startListener(1024 * 1024);
        connect(port);

        // when
        try (MllpTestClient second = new MllpTestClient(port)) {
            await().atMost(PATIENCE).until(() -> listener.counters().connectionsOpen() == 2);
        }

        // then
        await().atMost(PATIENCE).until(() -> listener.counters().connectionsOpen() == 1);
        assertThat(listener.counters().connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void acknowledgesAPumpEventWithAnR42AckOnlyAfterItsReportIsStored() throws Exception {
        // given
        connect(startListener(1024 * 1024));
        sink.holdCommits();

        // when
        client.send(Mllp.wrap(PUMP_EVENT));

        // then
        await().atMost(PATIENCE).until(() -> sink.heldCount() == 1);
        await().during(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> client.acks().isEmpty());
        sink.commitNext();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(client.acks()).singleElement().satisfies(ack -> assertThat(ack)
                .contains("|ACK^R42^ACK|").contains("\rMSA|AA|6358051206735492253\r")));
        assertThat(sink.received()).singleElement().isInstanceOfSatisfying(PumpReport.class, pump -> {
            assertThat(pump.status()).isEqualTo(PumpStatus.INFUSING);
            assertThat(pump.programme().rateMlPerHour()).isEqualTo(15.4);
            assertThat(pump.receivedAt()).isEqualTo(NOW);
        });
        assertThat(listener.counters().lastMessageTime(new DeviceId("E0002"))).contains(NOW);
    }

    @Test
    void acknowledgesAnAlarmsStartAndEndWithR40AcksAndHandsOverOneAlarmIdentity() throws Exception {
        // given
        connect(startListener(1024 * 1024));

        // when
        client.send(Mllp.wrap(OCCLUSION_START));
        client.send(Mllp.wrap(OCCLUSION_END));

        // then
        await().atMost(PATIENCE).until(() -> client.acks().size() == 2);
        assertThat(client.acks().get(0)).contains("|ACK^R40^ACK|").contains("\rMSA|AA|6346172845752460251\r");
        assertThat(client.acks().get(1)).contains("|ACK^R40^ACK|").contains("\rMSA|AA|6346172846620706282\r");
        assertThat(sink.received()).extracting(report -> (DeviceAlarmReport) report)
                .extracting(DeviceAlarmReport::phase, DeviceAlarmReport::alarmId, DeviceAlarmReport::kind)
                .containsExactly(
                        tuple(AlarmPhase.START, "E0001_27^PAT_DEVICE_BBRAUN^0012211839000001", AlarmKind.TECHNICAL),
                        tuple(AlarmPhase.END, "E0001_27^PAT_DEVICE_BBRAUN^0012211839000001", AlarmKind.TECHNICAL));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void readsPumpAlarmAndObservationMessagesSplitAcrossTcpWritesOfAnySize(int pieceSize) throws Exception {
        // given
        connect(startListener(1024 * 1024));

        // when
        client.sendInPieces(concat(Mllp.wrap(PUMP_EVENT), Mllp.wrap(SPO2_ALARM), Mllp.wrap(GATEWAY_NIBP)), pieceSize);

        // then
        await().atMost(PATIENCE).until(() -> client.acks().size() == 3);
        assertThat(client.acks().get(0)).contains("|ACK^R42^ACK|").contains("\rMSA|AA|6358051206735492253\r");
        assertThat(client.acks().get(1)).contains("|ACK^R40^ACK|").contains("\rMSA|AA|1\r");
        assertThat(client.acks().get(2)).contains("|ACK^R01^ACK|").contains("\rMSA|AA|0104ef190d604db188c3\r");
        assertThat(sink.received()).hasExactlyElementsOfTypes(PumpReport.class, DeviceAlarmReport.class,
                DeviceObservations.class);
    }

    @Test
    void storesAMonitorAndPumpMessageAsTwoReportsAndAResendAsDuplicatesOfBoth() throws Exception {
        // given
        connect(startListener(1024 * 1024));

        // when
        client.send(Mllp.wrap(MONITOR_AND_PUMP));
        client.send(Mllp.wrap(MONITOR_AND_PUMP));

        // then
        await().atMost(PATIENCE).until(() -> client.acks().size() == 2);
        assertThat(client.acks()).allSatisfy(ack -> assertThat(ack).contains("\rMSA|AA|CHAIR3-7781\r"));
        assertThat(sink.stored().keySet()).extracting(MessageKey::controlId)
                .containsExactlyInAnyOrder("CHAIR3-7781", "CHAIR3-7781/2");
        assertThat(listener.counters().recorded()).isEqualTo(2);
        assertThat(listener.counters().duplicates()).isEqualTo(2);
    }

    @Test
    void answersAnErrorForAPumpEventWithoutItsEventAndAnAlarmTheStoreRefuses() throws Exception {
        // given
        connect(startListener(1024 * 1024));
        String noEvent = PUMP_EVENT.replace("OBX|3|CWE|0^MDC_ATTR_EVT_COND^MDC|1.0.0.2|197288^MDC_EVT_PUMP_DELIV_START^MDC||||||R\r", "");

        // when
        client.send(Mllp.wrap(noEvent));
        await().atMost(PATIENCE).until(() -> client.acks().size() == 1);
        sink.failWith("event store unavailable");
        client.send(Mllp.wrap(OCCLUSION_START));

        // then
        await().atMost(PATIENCE).until(() -> client.acks().size() == 2);
        assertThat(client.acks().get(0)).contains("|ACK^R42^ACK|").contains("\rMSA|AE|6358051206735492253\r")
                .contains("101^Required field missing^HL70357|E||||no infusion event: a PCD-10 message names its event");
        assertThat(client.acks().get(1)).contains("|ACK^R40^ACK|").contains("\rMSA|AE|6346172845752460251\r")
                .contains("207^Application internal error^HL70357|E||||the alarm was not stored: event store unavailable");
        assertThat(listener.counters().mappingFailures()).isEqualTo(1);
        assertThat(listener.counters().storeFailures()).isEqualTo(1);
    }

    private int startListener(int maxFrameBytes) throws Exception {
        listener = new Hl7Listener(vertx, new Hl7ListenerSettings("127.0.0.1", 0, maxFrameBytes), sink,
                Clock.fixed(NOW, ZoneOffset.UTC));
        int port = listener.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(port).isPositive();
        assertThat(listener.port()).isEqualTo(port);
        return port;
    }

    private void connect(int port) throws Exception {
        client = new MllpTestClient(port);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
