package org.vigil.query.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed logins lock a user name or a source address, and for how long ({@code vigil.security.login}).
 *
 * @param maxFailuresPerUser    failures of one user name within {@code window} that lock it
 * @param maxFailuresPerAddress failures from one source address (any user name) within {@code window} that lock it
 * @param window                the time over which failures are counted, from the first one
 * @param lockout               how long a locked user name or address is refused, even with the right password
 */
@ConfigurationProperties("vigil.security.login")
public record LoginProperties(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("20") int maxFailuresPerAddress,
                              @DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lockout) {
}
