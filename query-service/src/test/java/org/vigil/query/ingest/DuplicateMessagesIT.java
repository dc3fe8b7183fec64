package org.vigil.query.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.query.GatewayMessages;
import org.vigil.query.RunningVigil;

/**
 * A gateway resends a message it got no acknowledgement for: it is stored once, whether the application restarted
 * in between and whether the chair's session started or ended in between (which changes the aggregate the message
 * goes to). A gateway that reset its counter sends new content under a control id it used before: that message is
 * stored and counted. A message is remembered for the duplicate window only.
 */
class DuplicateMessagesIT {

    private static final String DEVICE = GatewayMessages.NIST_DEVICE;
    private static final MessageKey KEY = new MessageKey(GatewayMessages.NIST_SENDER,
            GatewayMessages.NIST_CONTROL_ID);
    private static final String MESSAGE = GatewayMessages.nist();

    @TempDir
    Path data;

    @Test
    void aResentMessageIsStoredOnceAcrossARestartAndTheStartAndEndOfTheChairsSession() {
        try (RunningVigil vigil = RunningVigil.start(data, DEVICE + "=chair-1")) {
            // given the message stored while no session runs at the chair
            assertThat(send(vigil, MESSAGE)).contains("MSA|AA|");
            assertThat(stored(vigil, KEY)).isEqualTo(1);
        }

        try (RunningVigil vigil = RunningVigil.start(data, DEVICE + "=chair-1")) {
            // when resent after a restart
            assertThat(send(vigil, MESSAGE)).contains("MSA|AA|");
            // then
            assertThat(stored(vigil, KEY)).isEqualTo(1);

            // when resent after a session started at the chair
            SessionId session = vigil.startSession("chair-1", 120, 80);
            assertThat(send(vigil, MESSAGE)).contains("MSA|AA|");
            // then
            assertThat(stored(vigil, KEY)).isEqualTo(1);

            // when resent after the session ended
            vigil.command(new EndSessionCommand(session, "done", Instant.now()));
            assertThat(send(vigil, MESSAGE)).contains("MSA|AA|");
            // then
            assertThat(stored(vigil, KEY)).isEqualTo(1);
            assertThat(vigil.mllpStatistics().duplicates()).isEqualTo(3);
            assertThat(counted(vigil, "duplicate")).isEqualTo(3);
        }
    }

    @Test
    void aControlIdReusedForOtherContentIsStoredAndCounted() {
        try (RunningVigil vigil = RunningVigil.start(data, DEVICE + "=chair-1")) {
            // given
            vigil.startSession("chair-1", 120, 80);
            assertThat(send(vigil, MESSAGE)).contains("MSA|AA|");

            // when a gateway that reset its counter sends another reading under the same control id, twice
            String other = MESSAGE.replace("|120|mm[Hg]", "|131|mm[Hg]");
            assertThat(send(vigil, other)).contains("MSA|AA|");
            assertThat(send(vigil, other)).contains("MSA|AA|");

            // then the other reading is stored once, and counted
            assertThat(stored(vigil, KEY)).isEqualTo(2);
            assertThat(counted(vigil, "reused-control-id")).isEqualTo(1);
            assertThat(counted(vigil, "duplicate")).isEqualTo(1);
        }
    }

    @Test
    void aMessageResentAfterTheDuplicateWindowIsStoredAgain() {
        List<String> properties = new ArrayList<>(RunningVigil.devices(DEVICE + "=chair-1"));
        properties.add("--vigil.ingest.duplicate-window=1s");
        try (RunningVigil vigil = RunningVigil.startWith(data, properties)) {
            // given
            assertThat(send(vigil, MESSAGE)).contains("MSA|AA|");
            JdbcTemplate jdbc = new JdbcTemplate(vigil.context().getBean(DataSource.class));
            assertThat(jdbc.queryForObject("select count(*) from received_message", Long.class)).isOne();

            // when the window has passed and the retention has run
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                vigil.context().getBean(ReceivedMessagesRetention.class).purge();
                assertThat(jdbc.queryForObject("select count(*) from received_message", Long.class)).isZero();
            });
            assertThat(send(vigil, MESSAGE)).contains("MSA|AA|");

            // then it is taken for a new message
            assertThat(stored(vigil, KEY)).isEqualTo(2);
        }
    }

    /** Sends one message on a new connection and returns its acknowledgement. */
    private static String send(RunningVigil vigil, String message) {
        return GatewayMessages.send(vigil.mllpPort(), message, Duration.ofSeconds(10));
    }

    /** Events in the store for the message key, whatever stream they are in. */
    private static long stored(RunningVigil vigil, MessageKey key) {
        return vigil.stored(ObservationsRecordedEvent.class).stream()
                .filter(event -> event.payload().messageKey().equals(key))
                .count();
    }

    private static double counted(RunningVigil vigil, String kind) {
        return vigil.context().getBean(MeterRegistry.class).get("vigil.ingest.messages").tag("kind", kind)
                .counter().count();
    }
}
