package org.vigil.query.record;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar vigil.jar verify-record}: verifies the record of a store, Vigil running or not, and prints what
 * it found. Exit status 0 when the record is intact, 1 when an event was altered, inserted or deleted, 2 when the
 * store cannot be read.
 */
@Command(name = "verify-record", mixinStandardHelpOptions = true,
        description = "Verifies the chain of event hashes of Vigil's record and names the first altered, inserted "
                + "or deleted event.")
public final class VerifyRecordCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "jdbc:sqlite:./data/vigil.db",
            description = "JDBC URL of the store (default: ${DEFAULT-VALUE}; PostgreSQL: "
                    + "jdbc:postgresql://host:5432/vigil)")
    String url;

    @Option(names = "--user", defaultValue = "", description = "database user (PostgreSQL)")
    String user;

    @Option(names = "--password", arity = "0..1", interactive = true, defaultValue = "",
            description = "database password (PostgreSQL); asked for when given without a value")
    String password;

    @Spec
    CommandSpec spec;

    /** Runs the command with {@code args} and answers its exit status. */
    public static int run(String... args) {
        return new CommandLine(new VerifyRecordCommand()).execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            Verification verification = new RecordVerifier(Clock.systemUTC()).full(connection, null);
            out.println(summary(verification));
            verification.findings().forEach(finding -> out.println("  " + RecordVerification.describe(finding)));
            out.flush();
            return verification.intact() ? 0 : 1;
        } catch (Exception e) {
            spec.commandLine().getErr().println("cannot verify the record of " + url + ": " + e);
            return 2;
        }
    }

    private static String summary(Verification verification) {
        String hashed = verification.hashedFrom() == null ? "no event carries a hash yet"
                : "events carry hashes from global index " + verification.hashedFrom() + "; "
                + verification.eventsBeforeHashes() + " stored before are counted, not hashed";
        return (verification.intact() ? "Record intact: " : "Record ALTERED: " + verification.findingsTotal()
                + " altered, inserted or deleted events; ") + verification.events() + " events read up to global "
                + "index " + verification.checkpoint().upTo() + "; " + hashed;
    }
}
