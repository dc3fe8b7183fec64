package org.vigil.query.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import java.util.Map;
import java.util.stream.Collectors;
import org.vigil.core.api.SessionId;
import org.vigil.core.session.ChairOccupancy;
import org.vigil.query.RunningVigil;

/**
 * The whole application with the production profile {@code postgres}, on free ports, its event store in the given
 * PostgreSQL server — as an operator starts it, with the datasource and the users on the command line.
 */
final class VigilOnPostgres implements AutoCloseable {

    private final RunningVigil vigil;

    private VigilOnPostgres(RunningVigil vigil) {
        this.vigil = vigil;
    }

    /** Starts Vigil on {@code postgres} with the given gateway devices bound to chairs ({@code device=chair}). */
    static VigilOnPostgres start(PostgresServer postgres, String... deviceBindings) {
        return startWith(postgres, List.of(), deviceBindings);
    }

    /** As {@link #start}, with more command-line properties. */
    static VigilOnPostgres startWith(PostgresServer postgres, List<String> properties, String... deviceBindings) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres"));
        arguments.addAll(RunningVigil.freePorts());
        arguments.addAll(RunningVigil.demoUsers());
        arguments.addAll(postgres.datasourceProperties());
        arguments.addAll(RunningVigil.devices(deviceBindings));
        arguments.addAll(properties);
        return new VigilOnPostgres(RunningVigil.launch(arguments, builder -> { }));
    }

    RunningVigil vigil() {
        return vigil;
    }

    int mllpPort() {
        return vigil.mllpPort();
    }

    /** GET as the nurse. */
    JsonNode get(String path) {
        return vigil.get(path);
    }

    SessionId startSession(String chair, int systolic, int diastolic) {
        return vigil.startSession(chair, systolic, diastolic);
    }

    /** The command side's record of the sessions running, chair → session. */
    Map<String, String> runningSessions() {
        return vigil.context().getBean(ChairOccupancy.class).running().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().value(), e -> e.getValue().value()));
    }

    /** The application's own connection pool. */
    DataSource dataSource() {
        return vigil.context().getBean(DataSource.class);
    }

    /** Every event in the store, counted by reading it through Axon from the first. */
    long storedEvents() {
        return vigil.storedEvents();
    }

    @Override
    public void close() {
        vigil.close();
    }
}
