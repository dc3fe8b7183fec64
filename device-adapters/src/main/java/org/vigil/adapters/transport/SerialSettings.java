package org.vigil.adapters.transport;

import java.util.Objects;

/**
 * The line settings of one serial port. The port is named by its explicit path ({@code /dev/ttyUSB0},
 * {@code /dev/serial/by-id/…}, or a pseudo-terminal link made by socat), never looked up in a port list:
 * pseudo-terminals are not listed (docs/DESIGN.md, "Known traps").
 */
public record SerialSettings(String path, int baud, int dataBits, Parity parity, StopBits stopBits,
                             FlowControl flowControl) {

    public enum Parity { NONE, ODD, EVEN, MARK, SPACE }

    public enum StopBits { ONE, ONE_POINT_FIVE, TWO }

    public enum FlowControl { NONE, RTS_CTS, XON_XOFF }

    public SerialSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stop bits");
        Objects.requireNonNull(flowControl, "flow control");
        if (path.isBlank()) {
            throw new IllegalArgumentException("serial port path is blank");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("baud rate must be positive, was " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5 to 8, was " + dataBits);
        }
    }

    /** Philips IntelliVue MIB/RS232 port: 115200 baud, 8N1, no flow control (docs/PROTOCOLS.md §2). */
    public static SerialSettings intelliVue(String path) {
        return eightNoneOne(path, 115_200);
    }

    /** Alaris-style infusion pump ASCII protocol: 38400 baud, 8N1, no flow control (docs/PROTOCOLS.md §3). */
    public static SerialSettings pump(String path) {
        return eightNoneOne(path, 38_400);
    }

    /** Masimo pulse oximeter ASCII output: 9600 baud, 8N1 (docs/PROTOCOLS.md §4). */
    public static SerialSettings pulseOximeter(String path) {
        return eightNoneOne(path, 9_600);
    }

    public static SerialSettings eightNoneOne(String path, int baud) {
        return new SerialSettings(path, baud, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE);
    }

    /** The usual short form, {@code "115200 8N1"}, with the flow control when there is one. */
    public String lineDescription() {
        String stop = switch (stopBits) {
            case ONE -> "1";
            case ONE_POINT_FIVE -> "1.5";
            case TWO -> "2";
        };
        String line = baud + " " + dataBits + parity.name().charAt(0) + stop;
        return switch (flowControl) {
            case NONE -> line;
            case RTS_CTS -> line + " RTS/CTS";
            case XON_XOFF -> line + " XON/XOFF";
        };
    }
}
