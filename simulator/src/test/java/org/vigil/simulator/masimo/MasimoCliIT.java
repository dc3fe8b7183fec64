package org.vigil.simulator.masimo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.cli.SimulatorCli;
import picocli.CommandLine;

/** The command line with {@code --protocol masimo}: an oximeter's lines on a terminal-server port. */
class MasimoCliIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void writesTheOximetersLinesWithTheSensorOffWhereAsked() throws Exception {
        // given: at 20x, simulated seconds 0-20 pass in the first wall second, the sensor is off from 20 s
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> run("--protocol", "masimo",
                "--chairs", "1", "--scenario", "desaturation", "--tcp-listen", String.valueOf(port),
                "--sensor-off", "20s-1h", "--rate", "20", "--duration", "4s", "--report-every", "1s"));

        // when
        AtomicReference<Socket> connected = new AtomicReference<>();
        await().atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> connected.compareAndSet(null, new Socket(InetAddress.getLoopbackAddress(), port)));
        String last;
        try (Socket socket = connected.get();
             BufferedReader lines = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                     StandardCharsets.US_ASCII))) {
            socket.setSoTimeout(5_000);
            lines.readLine();
            last = lines.readLine();
        }

        // then
        assertThat(exitCode.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(last).matches("\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d SN=\\d{10} SPO2=---% BPM=--- .* "
                + "ALARM=0000 EXC=000020");
        assertThat(out.toString()).contains("1 Masimo oximeters").contains("chair-1=desaturation on tcp-listen")
                .contains("final Masimo statistics:");
    }

    @Test
    void refusesASensorFaultForAnotherProtocol() {
        // when
        int exitCode = run("--protocol", "intellivue", "--tcp-listen", "4001", "--sensor-off", "10s-20s");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--sensor-off needs --protocol masimo");
    }

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new SimulatorCli());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
