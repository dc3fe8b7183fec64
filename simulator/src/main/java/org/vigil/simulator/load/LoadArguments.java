package org.vigil.simulator.load;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load command's options, read by hand: the simulator keeps picocli to its {@code cli} package, and six
 * options do not need it.
 */
final class LoadArguments {

    static final String USAGE = """
            Usage: LoadCli [--mllp HOST:PORT] [--standby HOST:PORT] [--connections N] [--duration D]
                           [--messages N] [--ack-timeout D] [--device-prefix PREFIX]
            Sends IHE PCD-01 over N MLLP connections, each message as soon as the previous one is acknowledged,
            and prints throughput, ACK latency percentiles and the AA/AE/AR/timeout counts.
              --mllp HOST:PORT        the MLLP receiver (default localhost:2575)
              --standby HOST:PORT     another node to try when a connection cannot be opened (repeatable)
              --connections N         concurrent connections, one device each (default 4)
              --duration D            how long to send, e.g. 500ms, 30s, 5m or PT30S (default 30s)
              --messages N            stop after N messages over all connections (default 0: no limit)
              --ack-timeout D         how long to wait for each ACK (default 10s)
              --device-prefix PREFIX  connection n sends as PREFIX plus two digits (default load-monitor-)
            Exit code 0 when every message was accepted (AA), 1 otherwise, 2 for a usage error.
            With --clinic N it runs a whole clinic instead: LoadCli --clinic N --help for its options.
            """;

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    /** Thrown for an option that is unknown, lacks its value or has a value that does not parse. */
    static final class UsageException extends Exception {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private LoadArguments() {
    }

    /** The settings the arguments ask for; {@code null} when help was asked for. */
    static LoadSettings parse(String... args) throws UsageException {
        String host = "localhost";
        int port = 2575;
        LoadSettings settings = LoadSettings.of(host, port).withConnections(4).withDuration(Duration.ofSeconds(30));
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new UsageException("missing value for " + option);
            }
            String value = args[++i];
            try {
                settings = switch (option) {
                    case "--mllp" -> withTarget(settings, value);
                    case "--standby" -> settings.withStandby(value);
                    case "--connections" -> settings.withConnections(Integer.parseInt(value));
                    case "--duration" -> settings.withDuration(duration(value));
                    case "--messages" -> settings.withMessageLimit(Long.parseLong(value));
                    case "--ack-timeout" -> settings.withAckTimeout(duration(value));
                    case "--device-prefix" -> settings.withDevicePrefix(value);
                    default -> throw new UsageException("unknown option " + option);
                };
            } catch (IllegalArgumentException e) {
                throw new UsageException("bad value '" + value + "' for " + option + ": " + e.getMessage());
            }
        }
        return settings;
    }

    private static LoadSettings withTarget(LoadSettings settings, String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT");
        }
        return new LoadSettings(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)),
                settings.connections(), settings.duration(), settings.messageLimit(), settings.ackTimeout(),
                settings.devicePrefix(), settings.standbys());
    }

    static Duration duration(String value) {
        Matcher matcher = SHORT_DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration (try 30s, 5m or PT30S)");
        }
    }
}
