package org.vigil.simulator.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.vigil.simulator.pump.PumpScenarios;

/**
 * One {@code --pump SCENARIO[@TRANSPORT]} value: the scenario and how the pump is reached. Transports:
 * {@code serial:PATH} (a pseudo-terminal or serial device path), {@code tcp:PORT} or {@code tcp:HOST:PORT} (the
 * pump listens as a terminal server; host 127.0.0.1 unless given), {@code hl7} (PCD-01/-10/-04 to {@code --mllp};
 * the default).
 */
record PumpOption(String scenario, Path serialPath, String tcpHost, int tcpPort, boolean hl7) {

    static PumpOption parse(String value) {
        int at = value.indexOf('@');
        String scenario = (at < 0 ? value : value.substring(0, at)).trim().toLowerCase(Locale.ROOT);
        if (!PumpScenarios.NAMES.contains(scenario)) {
            throw new IllegalArgumentException("unknown pump scenario '" + scenario + "'; known: "
                    + String.join(", ", PumpScenarios.NAMES));
        }
        String transport = at < 0 ? "hl7" : value.substring(at + 1).trim();
        if (transport.equals("hl7")) {
            return new PumpOption(scenario, null, null, 0, true);
        }
        if (transport.startsWith("serial:") && transport.length() > "serial:".length()) {
            return new PumpOption(scenario, Path.of(transport.substring("serial:".length())), null, 0, false);
        }
        if (transport.startsWith("tcp:")) {
            String address = transport.substring("tcp:".length());
            int colon = address.lastIndexOf(':');
            String host = colon < 0 ? "127.0.0.1" : address.substring(0, colon);
            return new PumpOption(scenario, null, host, port(colon < 0 ? address : address.substring(colon + 1),
                    value), false);
        }
        throw new IllegalArgumentException("pump transport '" + transport + "' in '" + value
                + "' is not serial:PATH, tcp:[HOST:]PORT or hl7");
    }

    String describe() {
        if (hl7) {
            return scenario + " over HL7";
        }
        return serialPath != null ? scenario + " on " + serialPath : scenario + " on tcp " + tcpHost + ":" + tcpPort;
    }

    private static int port(String text, String value) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' in '" + value + "' is not a port");
    }
}
