package org.vigil.query.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many connections the MLLP listener holds, and how long a silent one ({@code vigil.mllp.connections.*}).
 *
 * @param max         connections open at once from every address together; one more is closed at once
 * @param perAddress  connections open at once from one source address
 * @param idleTimeout a connection that completes no message for this long is closed (also one that trickles bytes
 *                    without finishing a message); longer than any gateway's keep-alive interval; {@code 0} never
 */
public record MllpConnectionProperties(@DefaultValue("256") int max, @DefaultValue("32") int perAddress,
                                       @DefaultValue("120s") Duration idleTimeout) {
}
