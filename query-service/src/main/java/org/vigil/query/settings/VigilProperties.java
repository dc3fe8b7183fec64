package org.vigil.query.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Vigil's own settings ({@code vigil.*} in application.yml).
 *
 * @param protocolFile the clinic protocol YAML; the bundled default protocol when absent
 * @param chairs       the clinic's chairs, shown even while free
 * @param devices      one entry per device: which chair it serves and how it is reached
 * @param ingest       how device messages are stored
 */
@ConfigurationProperties("vigil")
public record VigilProperties(Path protocolFile, @DefaultValue Mllp mllp, @DefaultValue List<String> chairs,
                              @DefaultValue List<DeviceEntry> devices, @DefaultValue Ingest ingest) {

    /**
     * The MLLP listener HL7 gateways connect to (docs/DESIGN.md: port 2575).
     *
     * @param unknownSenders what a sender nobody configured is answered; its messages are quarantined either way
     */
    public record Mllp(@DefaultValue("true") boolean enabled, @DefaultValue("0.0.0.0") String host,
                       @DefaultValue("2575") int port, @DefaultValue("1048576") int maxFrameBytes,
                       @DefaultValue("quarantine") UnknownSenders unknownSenders,
                       @DefaultValue MllpTlsProperties tls, @DefaultValue MllpConnectionProperties connections) {
    }

    /** How the MLLP listener answers a sender nobody configured; its messages never reach a chair. */
    public enum UnknownSenders {
        /** Stored in quarantine and acknowledged {@code AA}, so the gateway does not resend. */
        QUARANTINE,
        /** Stored in quarantine and refused {@code AR}. */
        REJECT
    }

    /**
     * How device messages are stored.
     *
     * @param storeTimeout       how long a device waits for its message to be stored before it is answered
     *                           {@code AE} (it resends) and the station shows "record store unavailable"
     * @param transactionTimeout how long a command's transaction may take before its database statements are
     *                           cancelled, so a database that hangs cannot hold a worker for ever; longer than the
     *                           store timeout, so a slow but working store still completes what it started
     * @param duplicateWindow    how long a stored message is remembered to recognise its resends
     * @param groupLimit         the most device messages stored in one transaction
     */
    public record Ingest(@DefaultValue("5s") Duration storeTimeout, @DefaultValue("30s") Duration transactionTimeout,
                         @DefaultValue("24h") Duration duplicateWindow, @DefaultValue("256") int groupLimit) {
    }

    /**
     * A device declared in configuration: which chair it serves, the protocol it speaks and how its bytes arrive
     * (docs/PROTOCOLS.md: any protocol on any transport).
     *
     * @param id        the id the device reports on the wire (HL7 OBX-18 or MSH-3), or its name for serial devices
     * @param chair     the chair it is attached to
     * @param protocol  {@code hl7-mllp}, {@code intellivue}, {@code pump-ascii} or {@code masimo}
     * @param transport {@code listener} (it reaches Vigil's MLLP listener, usually through a gateway),
     *                  {@code serial}, {@code tcp-client} (Vigil connects to a terminal server) or
     *                  {@code tcp-listener} (the device connects to Vigil on its own port)
     * @param serial    the serial line, for {@code serial}
     * @param tcp       host and port, for {@code tcp-client} and {@code tcp-listener}
     * @param zone      the time zone of the device's clock, for protocols whose times carry none (IntelliVue,
     *                  pumps, Masimo)
     * @param pollInterval how often to poll a device that must be asked (pumps: 2 s by default, docs/PROTOCOLS.md §3)
     * @param allowedAddresses the source addresses the device (or its gateway) may talk from: addresses and CIDR
     *                  subnets, for the MLLP listener and {@code tcp-listener}; every address when empty
     */
    public record DeviceEntry(String id, String chair, @DefaultValue("hl7-mllp") String protocol,
                              @DefaultValue("listener") String transport, SerialLine serial, TcpEndpoint tcp,
                              @DefaultValue("UTC") String zone, Duration pollInterval,
                              @DefaultValue List<String> allowedAddresses) {

        public boolean arrivesThroughListener() {
            return "listener".equals(transport);
        }
    }

    /** Line settings of a serial port; defaults are the protocol's own (docs/PROTOCOLS.md). */
    public record SerialLine(String path, Integer baud, @DefaultValue("8") int dataBits,
                             @DefaultValue("none") String parity, @DefaultValue("1") String stopBits,
                             @DefaultValue("none") String flowControl) {
    }

    /** A TCP endpoint: the terminal server to connect to, or the address to listen on. */
    public record TcpEndpoint(@DefaultValue("127.0.0.1") String host, int port) {
    }
}
