package org.vigil.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.testsupport.TinyMllpServer;
import org.vigil.simulator.testsupport.TinyMllpServer.Reply;

class LoadCliIT {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private TinyMllpServer server;

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void printsTheCountsAndExitsZeroWhenEveryMessageWasAccepted() throws Exception {
        // given
        server = TinyMllpServer.acceptingEverything();

        // when
        int exit = run("--mllp", "127.0.0.1:" + server.port(), "--connections", "2", "--messages", "40",
                "--duration", "20s");

        // then
        assertThat(exit).isZero();
        assertThat(text(out)).contains("2 connection(s)", "40 answered (AA 40, AE 0, AR 0)", "0 timeout(s)",
                "messages/s", "p99");
        assertThat(server.received()).hasSize(40);
    }

    @Test
    void exitsOneWhenAnyMessageWasRefused() throws Exception {
        // given
        server = TinyMllpServer.start((message, index) -> index == 4 ? Reply.nak("AR", "unknown") : Reply.ack("AA"));

        // when
        int exit = run("--mllp", "127.0.0.1:" + server.port(), "--connections", "1", "--messages", "10");

        // then
        assertThat(exit).isEqualTo(LoadCli.NOT_ALL_ACCEPTED);
        assertThat(text(out)).contains("10 answered (AA 9, AE 0, AR 1)");
    }

    @Test
    void exitsTwoAndPrintsTheUsageForAnUnknownOption() throws Exception {
        // when
        int exit = run("--chairs", "4");

        // then
        assertThat(exit).isEqualTo(LoadCli.USAGE_ERROR);
        assertThat(text(err)).contains("unknown option --chairs", "Usage: LoadCli");
    }

    private int run(String... args) throws InterruptedException {
        return LoadCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
