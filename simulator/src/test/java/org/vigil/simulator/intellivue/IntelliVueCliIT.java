package org.vigil.simulator.intellivue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.cli.SimulatorCli;
import picocli.CommandLine;

/** The command line with {@code --protocol intellivue}: monitors served on TCP ports for a client to poll. */
class IntelliVueCliIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void servesChairNOnTheNthPortAndReportsThePolls() throws Exception {
        // given
        int firstPort = twoFreePorts();
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> run("--protocol", "intellivue",
                "--chairs", "2", "--scenario", "chair-2=tachycardia", "--tcp-listen", String.valueOf(firstPort),
                "--duration", "3s", "--report-every", "1s"));

        // when
        AtomicReference<DataExportClient> connected = new AtomicReference<>();
        await().atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> connected.compareAndSet(null, DataExportClient.connect(firstPort + 1)));
        byte[] answer;
        try (DataExportClient client = connected.get()) {
            client.associate();
            answer = client.poll();
        }

        // then
        assertThat(exitCode.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(MonitorReplyReader.poll(answer, true).values()).containsKey(0x4182);
        assertThat(out.toString())
                .contains("2 IntelliVue monitors")
                .contains("chair-1=normal on tcp-listen 127.0.0.1:" + firstPort)
                .contains("chair-2=tachycardia on tcp-listen 127.0.0.1:" + (firstPort + 1))
                .contains("final IntelliVue statistics:");
        assertThat(out.toString().lines().filter(line -> line.startsWith("sim-monitor-02")).reduce((a, b) -> b))
                .as("final line of chair 2: link down again, one link, one association, one poll, nothing rejected")
                .hasValueSatisfying(line -> assertThat(line.split("\\s+")).startsWith("sim-monitor-02", "tcp-listen",
                        "127.0.0.1:" + (firstPort + 1), "no", "1", "1", "1", "0"));
    }

    @Test
    void exitsWithAFailureWhenNoClientPolled() throws IOException {
        // given
        int port = twoFreePorts();

        // when
        int exitCode = run("--protocol", "intellivue", "--chairs", "1", "--tcp-listen", String.valueOf(port),
                "--duration", "300ms");

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("no client polled any monitor");
    }

    @Test
    void exitsWithAFailureWhenAPortIsTaken() throws IOException {
        // given
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {

            // when
            int exitCode = run("--protocol", "intellivue", "--chairs", "1", "--tcp-listen",
                    String.valueOf(taken.getLocalPort()), "--duration", "300ms");

            // then
            assertThat(exitCode).isEqualTo(1);
            assertThat(err.toString()).contains("cannot listen on tcp-listen 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void refusesLinksThatDoNotFitTheProtocolOrTheChairs() {
        // when
        int noLink = run("--protocol", "intellivue", "--duration", "1s");
        int bothLinks = run("--protocol", "intellivue", "--serial", "/tmp/chair-1", "--tcp-listen", "4001");
        int pathsAndChairsDisagree = run("--protocol", "intellivue", "--chairs", "3", "--serial", "/tmp/chair-1",
                "--serial", "/tmp/chair-2");
        int linkWithoutIntelliVue = run("--serial", "/tmp/chair-1", "--duration", "1s");
        int unknownProtocol = run("--protocol", "dicom", "--duration", "1s");

        // then
        assertThat(noLink).isEqualTo(2);
        assertThat(bothLinks).isEqualTo(2);
        assertThat(pathsAndChairsDisagree).isEqualTo(2);
        assertThat(linkWithoutIntelliVue).isEqualTo(2);
        assertThat(unknownProtocol).isEqualTo(2);
        assertThat(err.toString())
                .contains("needs either --serial or --tcp-listen")
                .contains("--chairs 3 but 2 --serial paths")
                .contains("--serial and --tcp-listen need --protocol intellivue")
                .contains("--protocol must be hl7, intellivue or masimo, was 'dicom'");
    }

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new SimulatorCli());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** A port that is free, with the next one free too. */
    @SuppressWarnings("try") // the second socket only has to open
    private static int twoFreePorts() throws IOException {
        while (true) {
            try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = first.getLocalPort();
                if (port < 65_535) {
                    try (ServerSocket second = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                        return port;
                    } catch (IOException taken) {
                        // try another pair
                    }
                }
            }
        }
    }
}
