package org.vigil.simulator.load;

import java.net.URI;
import java.util.Locale;

/** The clinic load's options ({@code LoadCli --clinic N …}), read by hand as {@link LoadArguments} are. */
final class ClinicArguments {

    static final String USAGE = """
            Usage: LoadCli --clinic N [--mllp HOST:PORT] [--http URL] [--user NAME] [--password SECRET]
                           [--warm-up D] [--duration D] [--gateways N] [--stations N] [--abnormal-percent P]
                           [--ack-timeout D] [--no-setup]
            A clinic under load: a session booked and checked in at each of N chairs through the HTTP API, each
            chair's monitor sending PCD-01 every second (the cuff on the protocol's NIBP cadence) and its pump every
            2 s over MLLP, P % of the chairs in an abnormal scenario that raises relative-surge and tachycardia
            alarms, and station clients on /api/stream. Prints messages/s offered and accepted, ACK and alarm
            latency percentiles, and the errors. Vigil must bind the devices to the chairs:
            vigil.devices[i].id=clinic-monitor-0001 / clinic-pump-0001 … with .chair=chair-1 …, and accept a
            connection per gateway from this address (vigil.mllp.connections.per-address and .max).
              --clinic N              chairs (required)
              --mllp HOST:PORT        the MLLP receiver (default localhost:2575)
              --http URL              Vigil's web address (default http://localhost:8080)
              --user NAME             a nurse's user name (default nurse); --password SECRET (default demo)
              --warm-up D             load before measuring, e.g. 10s (default 10s)
              --duration D            how long to measure (default 60s)
              --gateways N            MLLP connections the devices share (default one for every 4 chairs, at most
                                      512)
              --stations N            station clients on /api/stream (default 2)
              --abnormal-percent P    chairs in the abnormal scenario, at least one when P > 0 (default 2)
              --ack-timeout D         how long to wait for each ACK (default 10s)
              --no-setup              the sessions are running already: do not book and check them in
            Exit code 0 when every message due was accepted (AA) and every surge alarm seen, 1 otherwise, 2 for a
            usage error.
            """;

    private ClinicArguments() {
    }

    /** Whether the arguments ask for the clinic load. */
    static boolean asked(String... args) {
        for (String arg : args) {
            if (arg.equals("--clinic")) {
                return true;
            }
        }
        return false;
    }

    static ClinicSettings parse(String... args) throws LoadArguments.UsageException {
        String host = "localhost";
        int port = 2575;
        String http = "http://localhost:8080";
        int chairs = 0;
        ClinicSettings settings = null;
        String[][] later = new String[args.length][];
        int laterCount = 0;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-setup")) {
                later[laterCount++] = new String[] {option, null};
                continue;
            }
            if (i + 1 >= args.length) {
                throw new LoadArguments.UsageException("missing value for " + option);
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--clinic" -> chairs = Integer.parseInt(value);
                    case "--mllp" -> {
                        int colon = value.lastIndexOf(':');
                        if (colon <= 0 || colon == value.length() - 1) {
                            throw new IllegalArgumentException("expected HOST:PORT");
                        }
                        host = value.substring(0, colon);
                        port = Integer.parseInt(value.substring(colon + 1));
                    }
                    case "--http" -> http = value;
                    default -> later[laterCount++] = new String[] {option, value};
                }
            } catch (IllegalArgumentException e) {
                throw new LoadArguments.UsageException("bad value '" + value + "' for " + option + ": "
                        + e.getMessage());
            }
        }
        if (chairs < 1) {
            throw new LoadArguments.UsageException("--clinic needs a number of chairs of at least 1");
        }
        try {
            settings = ClinicSettings.of(host, port, URI.create(http), chairs);
        } catch (IllegalArgumentException e) {
            throw new LoadArguments.UsageException(e.getMessage());
        }
        String user = settings.user();
        String password = settings.password();
        for (int i = 0; i < laterCount; i++) {
            String option = later[i][0];
            String value = later[i][1];
            try {
                settings = switch (option) {
                    case "--no-setup" -> settings.withSessionSetUp(false);
                    case "--user" -> settings.withCredentials(user = value, password);
                    case "--password" -> settings.withCredentials(user, password = value);
                    case "--warm-up" -> settings.withTiming(LoadArguments.duration(value), settings.duration());
                    case "--duration" -> settings.withTiming(settings.warmUp(), LoadArguments.duration(value));
                    case "--gateways" -> settings.withGateways(Integer.parseInt(value));
                    case "--stations" -> settings.withStations(Integer.parseInt(value));
                    case "--abnormal-percent" -> settings.withAbnormalPercent(
                            Double.parseDouble(value.replace("%", "").trim()));
                    case "--ack-timeout" -> settings.withAckTimeout(LoadArguments.duration(value));
                    default -> throw new LoadArguments.UsageException("unknown option " + option);
                };
            } catch (IllegalArgumentException e) {
                throw new LoadArguments.UsageException("bad value '" + value + "' for " + option + ": "
                        + e.getMessage());
            }
        }
        return settings;
    }

    static String describe(ClinicSettings settings) {
        return String.format(Locale.ROOT, "Clinic of %d chairs: MLLP %s:%d over %d connection(s), %s, %d station(s), "
                        + "%.1f %% abnormal, %d s warm-up, %d s measured", settings.chairs(), settings.mllpHost(),
                settings.mllpPort(), settings.gateways(), settings.http(), settings.stations(),
                settings.abnormalPercent(), settings.warmUp().toSeconds(), settings.duration().toSeconds());
    }
}
