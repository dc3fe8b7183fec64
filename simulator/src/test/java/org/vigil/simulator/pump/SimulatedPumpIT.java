package org.vigil.simulator.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.mllp.MllpClientSettings;
import org.vigil.simulator.testsupport.Hl7Text;
import org.vigil.simulator.testsupport.TinyMllpServer;

class SimulatedPumpIT {

    private static final PumpDose DOSE = PumpDose.ketamine(70, 1.0);

    private SimulatedPump pump;
    private TinyMllpServer server;

    @AfterEach
    void stopEverything() throws IOException {
        if (pump != null) {
            pump.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersStatusPollsOnItsTerminalServerPort() throws IOException {
        // given
        pump = SimulatedPump.builder(PumpScenarios.normal(DOSE)).terminalServer("127.0.0.1", 0).speed(60).build();
        pump.start();

        try (Socket socket = new Socket("127.0.0.1", pump.tcpPort())) {
            // when
            socket.getOutputStream().write("!INF_PROG|86FD\r!INF|4961\r".getBytes(StandardCharsets.US_ASCII));

            // then
            List<String> replies = readFrames(socket, 2);
            assertThat(replies.get(0)).isEqualTo("!INF_PROG^KETAMINE^1^52.5^35^0.75^mg/kg/h|FB89");
            assertThat(replies.get(1)).startsWith("!INF^SIM8100-0001^NONE^INFUSING^52.5^");
        }
        assertThat(pump.statistics().commandsReceived()).isEqualTo(2);
        assertThat(pump.statistics().tcpConnections()).isEqualTo(1);
    }

    @Test
    void finishesA40MinuteInfusionInSecondsAtHighSpeed() {
        // given
        pump = SimulatedPump.builder(PumpScenarios.normal(DOSE)).speed(1200).build();

        // when
        pump.start();

        // then
        await().atMost(10, TimeUnit.SECONDS).until(() -> pump.truth().state() == PumpState.KVO);
        PumpTruth truth = pump.truth();
        assertThat(truth.programmeDeliveredMl()).isEqualTo(35.0);
        assertThat(truth.deliveredMg()).isCloseTo(35.0, within(1.0));
    }

    @Test
    void stopsAnsweringButKeepsTheConnection() throws IOException {
        // given: silent after 10 simulated minutes, 0.5 s at 1200x
        pump = SimulatedPump.builder(PumpScenarios.stopsAnswering(DOSE)).terminalServer("127.0.0.1", 0)
                .speed(1200).build();
        pump.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> pump.truth().elapsed().toMinutes() >= 10);

        try (Socket socket = new Socket("127.0.0.1", pump.tcpPort())) {
            // when
            socket.getOutputStream().write("!INF|4961\r".getBytes(StandardCharsets.US_ASCII));

            // then
            await().atMost(5, TimeUnit.SECONDS).until(() -> pump.statistics().commandsIgnored() == 1);
            assertThat(pump.statistics().repliesSent()).isZero();
        }
    }

    @Test
    void sendsObservationsEventsAndTheOcclusionAlarmOverMllp() throws IOException {
        // given
        server = TinyMllpServer.acceptingEverything();
        pump = SimulatedPump.builder(PumpScenarios.occlusion(DOSE)).speed(600)
                .hl7("127.0.0.1", server.port(), MllpClientSettings.defaults(), Duration.ofMinutes(1)).build();

        // when
        pump.start();

        // then: the occlusion comes at minute 12, 1.2 s at 600x
        await().atMost(15, TimeUnit.SECONDS).untilAsserted(() -> assertThat(server.received())
                .anyMatch(message -> type(message).equals("ORU^R40^ORU_R40")));
        List<String> received = server.received();
        assertThat(received).first().satisfies(first -> assertThat(type(first)).isEqualTo("ORU^R42^ORU_R01"));
        assertThat(received).anyMatch(message -> type(message).equals("ORU^R01^ORU_R01"));
        String alarm = received.stream().filter(message -> type(message).equals("ORU^R40^ORU_R40")).findFirst()
                .orElseThrow();
        assertThat(PumpHl7Reading.value(alarm, "196616^")).startsWith("196940^MDC_EVT_FLUID_LINE_OCCL^MDC");
        assertThat(PumpHl7Reading.value(alarm, "68481^")).isEqualTo("start");
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(server.received())
                .anyMatch(message -> type(message).equals("ORU^R01^ORU_R01")
                        && PumpHl7Reading.value(message, "184508^").equals("^pump-status-stopped")));
        assertThat(server.controlIds()).doesNotHaveDuplicates();
        assertThat(pump.statistics().hl7().accepted()).isPositive();
    }

    @Test
    void sendsTheEndOfAnAlarmWhenItIsCleared() throws IOException {
        // given
        server = TinyMllpServer.acceptingEverything();
        pump = SimulatedPump.builder(PumpScenarios.occlusion(DOSE)).speed(600)
                .hl7("127.0.0.1", server.port(), MllpClientSettings.defaults(), Duration.ofMinutes(5)).build();
        pump.start();
        await().atMost(15, TimeUnit.SECONDS).until(() -> pump.truth().alarms().contains(PumpAlarmCode.OCCL_DOWN));

        // when
        pump.clearAlarm(PumpAlarmCode.OCCL_DOWN);

        // then
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(server.received())
                .anyMatch(message -> type(message).equals("ORU^R40^ORU_R40")
                        && PumpHl7Reading.value(message, "68481^").equals("end")));
        String start = server.received().stream().filter(m -> type(m).equals("ORU^R40^ORU_R40")).findFirst()
                .orElseThrow();
        String end = server.received().stream().filter(m -> type(m).equals("ORU^R40^ORU_R40"))
                .filter(m -> PumpHl7Reading.value(m, "68481^").equals("end")).findFirst().orElseThrow();
        assertThat(Hl7Text.field(end, "OBR", 29)).startsWith("^" + Hl7Text.field(start, "MSH", 10) + "&");
    }

    private static String type(String message) {
        return Hl7Text.field(message, "MSH", 9);
    }

    private static List<String> readFrames(Socket socket, int count) throws IOException {
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        List<String> frames = new ArrayList<>();
        while (frames.size() < count) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("only " + frames + " within 5 s", e);
            }
            if (b < 0) {
                throw new AssertionError("connection closed after " + frames);
            }
            if (b == '\r') {
                frames.add(current.toString(StandardCharsets.US_ASCII));
                current.reset();
            } else {
                current.write(b);
            }
        }
        return frames;
    }
}
