package org.vigil.simulator.load;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs the load generator against any MLLP receiver, e.g. a running Vigil:
 * {@code java -cp simulator-cli.jar org.vigil.simulator.load.LoadCli --mllp vigil:2575 --connections 4
 * --duration 30s}. For the messages to go through sessions, bind the devices {@code load-monitor-01}, … to
 * chairs with a session running; unbound, they are stored on the devices only. With {@code --clinic N} it runs a
 * whole clinic instead ({@link ClinicLoad}).
 */
public final class LoadCli {

    static final int NOT_ALL_ACCEPTED = 1;
    static final int USAGE_ERROR = 2;

    private LoadCli() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (ClinicArguments.asked(args)) {
            return clinic(args, out, err);
        }
        LoadSettings settings;
        try {
            settings = LoadArguments.parse(args);
        } catch (LoadArguments.UsageException e) {
            err.println(e.getMessage());
            err.print(LoadArguments.USAGE);
            return USAGE_ERROR;
        }
        if (settings == null) {
            out.print(LoadArguments.USAGE);
            return 0;
        }
        out.printf(Locale.ROOT, "Sending to %s:%d over %d connection(s) as %s..%s for %.1f s%s%n", settings.host(),
                settings.port(), settings.connections(), settings.deviceName(1),
                settings.deviceName(settings.connections()), settings.duration().toMillis() / 1000.0,
                settings.messageLimit() > 0 ? " or " + settings.messageLimit() + " messages" : "");
        LoadResult result = new LoadGenerator(settings, Clock.systemUTC()).run();
        out.println(result.summary());
        return result.allAccepted() ? 0 : NOT_ALL_ACCEPTED;
    }

    private static int clinic(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(ClinicArguments.USAGE);
            return 0;
        }
        ClinicSettings settings;
        try {
            settings = ClinicArguments.parse(args);
        } catch (LoadArguments.UsageException e) {
            err.println(e.getMessage());
            err.print(ClinicArguments.USAGE);
            return USAGE_ERROR;
        }
        out.println(ClinicArguments.describe(settings));
        ClinicResult result = new ClinicLoad(settings, Clock.systemUTC()).run();
        out.println(result.summary());
        return result.clean() ? 0 : NOT_ALL_ACCEPTED;
    }
}
