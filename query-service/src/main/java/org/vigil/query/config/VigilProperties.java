package org.vigil.query.config;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Vigil's own settings ({@code vigil.*} in application.yml).
 *
 * @param protocolFile the clinic protocol YAML; the bundled default protocol when absent
 * @param chairs       the clinic's chairs, shown even while free
 * @param devices      one entry per device: which chair it serves and how it is reached
 */
@ConfigurationProperties("vigil")
public record VigilProperties(Path protocolFile, @DefaultValue Mllp mllp, @DefaultValue List<String> chairs,
                              @DefaultValue List<DeviceEntry> devices) {

    /** The MLLP listener HL7 gateways connect to (DESIGN.md: port 2575). */
    public record Mllp(@DefaultValue("true") boolean enabled, @DefaultValue("0.0.0.0") String host,
                       @DefaultValue("2575") int port, @DefaultValue("1048576") int maxFrameBytes) {
    }

    /**
     * A device declared in configuration.
     *
     * @param id        the id the device reports on the wire (HL7 OBX-18 or MSH-3)
     * @param chair     the chair it is attached to
     * @param protocol  the protocol it speaks, for example {@code hl7-mllp}
     * @param transport how its bytes arrive, for example {@code listener}
     */
    public record DeviceEntry(String id, String chair, @DefaultValue("hl7-mllp") String protocol,
                              @DefaultValue("listener") String transport) {
    }
}
