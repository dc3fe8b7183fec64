package org.vigil.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.testsupport.Hl7Text;
import org.vigil.simulator.testsupport.TinyMllpServer;
import org.vigil.simulator.testsupport.TinyMllpServer.Reply;
import picocli.CommandLine;

class SimulatorCliIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private TinyMllpServer server;

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void runsForTheGivenDurationAndExitsCleanlyWhenEveryMessageIsAccepted() throws Exception {
        // given
        server = TinyMllpServer.acceptingEverything();

        // when
        int exitCode = run("--chairs", "2", "--scenario", "normal,chair-2=tachycardia", "--seed", "7",
                "--mllp", "127.0.0.1:" + server.port(), "--rate", "10", "--duration", "2s", "--report-every", "1s");

        // then
        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("2 monitors -> 127.0.0.1:" + server.port())
                .contains("chair-1=normal, chair-2=tachycardia")
                .contains("final ACK statistics:")
                .contains("sim-monitor-01").contains("sim-monitor-02");
        assertThat(server.received()).extracting(message -> Hl7Text.field(message, "PV1", 3))
                .contains("chair-1", "chair-2");
        assertThat(server.received()).filteredOn(message -> Hl7Text.field(message, "PV1", 3).equals("chair-2"))
                .extracting(message -> Hl7Text.value(message, 147842))
                .filteredOn(heartRate -> heartRate != null && heartRate > 140)
                .isNotEmpty();
    }

    @Test
    void exitsWithAFailureWhenTheReceiverRefusesMessages() throws Exception {
        // given
        server = TinyMllpServer.start((message, index) -> index == 2
                ? Reply.nak("AR", "duplicate device")
                : Reply.ack("AA"));

        // when
        int exitCode = run("--chairs", "1", "--mllp", "127.0.0.1:" + server.port(), "--rate", "5",
                "--duration", "1s");

        // then
        assertThat(exitCode).isEqualTo(SimulatorCli.FAILURES);
        assertThat(out.toString()).contains("duplicate device");
    }

    @Test
    void exitsWithAFailureWhenNothingIsAcknowledged() throws Exception {
        // given
        TinyMllpServer gone = TinyMllpServer.acceptingEverything();
        int port = gone.port();
        gone.close();

        // when
        int exitCode = run("--chairs", "1", "--mllp", "127.0.0.1:" + port, "--duration", "500ms");

        // then
        assertThat(exitCode).isEqualTo(SimulatorCli.FAILURES);
        assertThat(err.toString()).contains("no message was acknowledged");
    }

    @Test
    void refusesAnUnknownScenarioOrChair() {
        // when
        int unknownScenario = run("--scenario", "asystole", "--duration", "1s");
        int unknownChair = run("--chairs", "2", "--scenario", "chair-3=tachycardia", "--duration", "1s");

        // then
        assertThat(unknownScenario).isEqualTo(2);
        assertThat(unknownChair).isEqualTo(2);
        assertThat(err.toString()).contains("unknown scenario 'asystole'").contains("no chair 'chair-3'");
    }

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new SimulatorCli());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
