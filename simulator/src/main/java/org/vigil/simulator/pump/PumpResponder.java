package org.vigil.simulator.pump;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Answers one command of the pump protocol (docs/PROTOCOLS.md §3) from the pump model: the reply body, or the effect
 * of a setting or control command and its {@code ACK}/{@code NAK}. Setting and control commands are carried out
 * only while remote control is enabled, and remote control lapses when no command came for its watchdog time,
 * as on pumps whose remote mode must be kept alive. The reply layouts are the adapter's
 * ({@code org.vigil.adapters.pump.wire} package documentation); this is an independent writer of them.
 * Pure: time comes in as an argument.
 */
final class PumpResponder {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private final String serialNumber;
    private final ZoneId clockZone;
    private final boolean remoteControlLocked;
    private boolean remote;
    private Duration watchdog = Duration.ZERO;
    private Duration lastCommand = Duration.ZERO;

    PumpResponder(String serialNumber, ZoneId clockZone) {
        this(serialNumber, clockZone, false);
    }

    /** @param remoteControlLocked refuse to enable remote control, so every control command is refused */
    PumpResponder(String serialNumber, ZoneId clockZone, boolean remoteControlLocked) {
        this.serialNumber = serialNumber;
        this.clockZone = clockZone;
        this.remoteControlLocked = remoteControlLocked;
    }

    /**
     * @param elapsed simulated time since the pump started, for the remote-control watchdog
     * @param clock   the pump's clock at that moment
     */
    String respond(String command, PumpModel pump, Duration elapsed, Instant clock) {
        if (remote && elapsed.minus(lastCommand).compareTo(watchdog) > 0) {
            remote = false;
        }
        lastCommand = elapsed;
        String[] fields = command.split("\\^", -1);
        return switch (fields[0]) {
            case "INF" -> status(pump.snapshot(), clock);
            case "INF_PROG" -> programme(pump.snapshot().programme());
            case "REMOTE_CTRL" -> remoteControl(fields);
            case "INF_RATE", "INF_VTBI", "INF_START", "INF_STOP" -> remote
                    ? control(fields, pump)
                    : "NAK^" + fields[0] + "^REMOTE_DISABLED";
            default -> "NAK^" + (fields[0].matches("[A-Z][A-Z_]{0,31}") ? fields[0] : "UNKNOWN") + "^UNKNOWN";
        };
    }

    private String status(PumpSnapshot pump, Instant clock) {
        String alarms = pump.alarms().isEmpty()
                ? "NONE"
                : pump.alarms().stream().map(Enum::name).collect(Collectors.joining("+"));
        return String.join("^", "INF", serialNumber, alarms, pump.state().name(),
                plain(pump.programme().rateMlPerHour()), volume(pump.programmeDeliveredMl()),
                Integer.toString(pump.linePressureMmHg()), timeLeft(pump.timeRemaining()),
                volume(pump.volumeRemainingMl()), CLOCK.format(clock.atZone(clockZone)));
    }

    private static String programme(Programme programme) {
        return String.join("^", "INF_PROG", programme.drug(), plain(programme.concentrationMgPerMl()),
                plain(programme.rateMlPerHour()), plain(programme.vtbiMl()), plain(programme.doseRate()),
                programme.doseRateUnit());
    }

    private String remoteControl(String[] fields) {
        if (remoteControlLocked && !(fields.length == 2 && fields[1].equals("DISABLED"))) {
            return "NAK^REMOTE_CTRL^LOCKED";
        }
        if (fields.length == 2 && fields[1].equals("DISABLED")) {
            remote = false;
            return "ACK^REMOTE_CTRL";
        }
        if (fields.length == 3 && fields[1].equals("ENABLED") && fields[2].matches("\\d{1,4}")) {
            remote = true;
            watchdog = Duration.ofSeconds(Integer.parseInt(fields[2]));
            return "ACK^REMOTE_CTRL";
        }
        return "NAK^REMOTE_CTRL^BAD_ARGUMENT";
    }

    private static String control(String[] fields, PumpModel pump) {
        String name = fields[0];
        return switch (name) {
            case "INF_RATE" -> {
                if (fields.length != 3 || !fields[2].equals("ml/h") || !isNumber(fields[1])) {
                    yield "NAK^INF_RATE^BAD_ARGUMENT";
                }
                pump.setRate(Double.parseDouble(fields[1]));
                yield "ACK^INF_RATE";
            }
            case "INF_VTBI" -> {
                if (fields.length != 5 || !fields[1].equals("ACTIV") || !fields[3].equals("ml")
                        || !isNumber(fields[2])) {
                    yield "NAK^INF_VTBI^BAD_ARGUMENT";
                }
                pump.setVolumeToBeInfused(Double.parseDouble(fields[2]));
                yield "ACK^INF_VTBI";
            }
            case "INF_START" -> pump.start() ? "ACK^INF_START" : "NAK^INF_START^NOT_STARTABLE";
            default -> pump.stop() ? "ACK^INF_STOP" : "NAK^INF_STOP^NOT_RUNNING";
        };
    }

    private static boolean isNumber(String text) {
        return text.matches("\\d{1,6}(\\.\\d{1,4})?");
    }

    private static String plain(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }

    private static String volume(double ml) {
        return String.format(Locale.ROOT, "%.2f", ml);
    }

    private static String timeLeft(Duration remaining) {
        if (remaining == null) {
            return "--";
        }
        long seconds = remaining.getSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
