package org.vigil.query.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Vital;
import org.vigil.query.RunningVigil;
import org.vigil.query.support.ProcessingGroups;

/**
 * A store whose read models were fed by a processor each, with a token each, is opened by a Vigil whose read
 * models share one processor: the read models are built again from the first event, not counted twice.
 */
class ProcessorPerReadModelTokensIT {

    private static final int MESSAGES = 40;

    @TempDir
    Path data;

    @Test
    void readModelsOfAStoreWithATokenPerReadModelAreBuiltAgainOnce() throws SQLException {
        SessionId session;
        try (RunningVigil vigil = RunningVigil.start(data)) {
            // given a session with its messages, in the read models
            session = vigil.startSession("chair-1", 125, 78);
            for (int n = 0; n < MESSAGES; n++) {
                vigil.command(new RecordObservationsCommand(session, observations(n)));
            }
            vigil.awaitReadModels();
        }
        // and tokens as a processor per read model left them: one per read model, none for the shared processor
        try (Connection store = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigil.db"));
             Statement statement = store.createStatement()) {
            for (String name : ProcessingGroups.READ_MODELS) {
                statement.executeUpdate("insert into token_entry (processor_name, segment, token, token_type, owner,"
                        + " timestamp) select '" + name + "', segment, token, token_type, null, timestamp"
                        + " from token_entry where processor_name = '" + ProcessingGroups.READ_MODELS_PROCESSOR + "'");
            }
            statement.executeUpdate("delete from token_entry where processor_name = '"
                    + ProcessingGroups.READ_MODELS_PROCESSOR + "'");
        }

        // when Vigil starts again on that store
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.add(RunningVigil.dataDirectory(data));
        arguments.addAll(RunningVigil.demoUsers());
        try (RunningVigil restarted = RunningVigil.launch(arguments, builder -> { })) {
            restarted.awaitReadModels();

            // then each message is counted once, in the sessions index and in the devices
            JsonNode indexed = restarted.get("/api/sessions/" + session.value(), "director");
            assertThat(indexed.path("observationMessages").asLong()).isEqualTo(MESSAGES);
            assertThat(restarted.get("/api/devices", "director")).anySatisfy(device -> {
                assertThat(device.path("deviceId").asText()).isEqualTo("monitor-1");
                assertThat(device.path("messagesRecorded").asLong()).isEqualTo(MESSAGES);
            });
        }
        // and only the shared processor's token is left
        try (Connection store = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigil.db"));
             Statement statement = store.createStatement();
             ResultSet names = statement.executeQuery("select distinct processor_name from token_entry")) {
            List<String> processors = new ArrayList<>();
            while (names.next()) {
                processors.add(names.getString(1));
            }
            assertThat(processors).doesNotContainAnyElementsOf(ProcessingGroups.READ_MODELS)
                    .contains(ProcessingGroups.READ_MODELS_PROCESSOR);
        }
    }

    private static DeviceObservations observations(int n) {
        Instant now = Clock.systemUTC().instant();
        return new DeviceObservations(new DeviceId("monitor-1"), new MessageKey("monitor-1", "msg-" + n), now, now,
                List.of(Observation.of(Vital.HEART_RATE, 70 + n % 30, now)));
    }
}
