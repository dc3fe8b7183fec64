package org.vigil.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.testsupport.Hl7Text;
import org.vigil.simulator.testsupport.TinyMllpServer;
import picocli.CommandLine;

class SimulatorCliPumpIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private TinyMllpServer server;

    @AfterEach
    void tearDown() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void documentsThePumpOptionsInTheHelp() {
        // when
        int exitCode = run("--help");

        // then
        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("--pump=SCENARIO[@TRANSPORT]")
                .contains("normal,").contains("occlusion,").contains("rate-tenfold,").contains("door-open,")
                .contains("stops-answering").contains("serial:PATH").contains("tcp:[HOST:]PORT")
                .contains("--pump-weight=KG").contains("--pump-concentration=MG_PER_ML");
    }

    @Test
    void runsAPumpAloneSendingItsHl7ToTheReceiver() throws IOException {
        // given
        server = TinyMllpServer.acceptingEverything();

        // when: at 600x the occlusion of minute 12 comes after 1.2 s
        int exitCode = run("--chairs", "0", "--pump", "occlusion@hl7", "--mllp", "127.0.0.1:" + server.port(),
                "--rate", "600", "--duration", "3s");

        // then
        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("pump sim-pump-01 at chair-1: occlusion over HL7")
                .contains("final pump statistics:").doesNotContain("monitors ->");
        assertThat(server.received()).extracting(message -> Hl7Text.field(message, "MSH", 9))
                .contains("ORU^R01^ORU_R01", "ORU^R42^ORU_R01", "ORU^R40^ORU_R40");
    }

    @Test
    void runsAPumpAsATerminalServer() throws Exception {
        // given
        int port = freePort();
        CompletableFuture<Integer> cli = CompletableFuture.supplyAsync(() -> run("--chairs", "0", "--pump",
                "normal@tcp:127.0.0.1:" + port, "--duration", "3s"));

        // when
        String reply = await().atMost(3, TimeUnit.SECONDS).ignoreExceptions().until(() -> poll(port),
                text -> text.startsWith("!INF^"));

        // then
        assertThat(reply).startsWith("!INF^SIM8100-0001^NONE^INFUSING^52.5^");
        assertThat(cli.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("pump sim-pump-01 at chair-1: normal on tcp 127.0.0.1:" + port);
    }

    @Test
    void refusesAnUnknownPumpScenarioOrTransport() {
        // when
        int unknownScenario = run("--pump", "bolus", "--duration", "1s");
        int unknownTransport = run("--pump", "normal@usb:1", "--duration", "1s");

        // then
        assertThat(unknownScenario).isEqualTo(2);
        assertThat(unknownTransport).isEqualTo(2);
        assertThat(err.toString()).contains("unknown pump scenario 'bolus'")
                .contains("pump transport 'usb:1' in 'normal@usb:1' is not serial:PATH, tcp:[HOST:]PORT or hl7");
    }

    private static String poll(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write("!INF|4961\r".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\r') {
                reply.append((char) b);
            }
            return reply.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new SimulatorCli());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
