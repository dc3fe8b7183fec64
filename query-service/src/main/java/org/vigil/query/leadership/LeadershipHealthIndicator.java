package org.vigil.query.leadership;

import java.util.Locale;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The node's role at {@code /actuator/health/leadership}: {@code UP} on the active node (leader or single), status
 * {@code STANDBY} on a standby — answered with 503 (application.yml), so that a load balancer's health check on this
 * path sends the clinic's traffic to the active node only — with the role and since when. The overall
 * {@code /actuator/health} of a standby stays {@code UP}: it runs well, it just does not lead.
 */
@Component
class LeadershipHealthIndicator implements HealthIndicator {

    static final Status STANDBY = new Status("STANDBY", "waiting for the lease; another node is active");

    private final Leadership leadership;

    LeadershipHealthIndicator(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public Health health() {
        Health.Builder health = switch (leadership.role()) {
            case SINGLE, LEADER -> Health.up();
            case STANDBY -> Health.status(STANDBY);
            case LOST -> Health.down();
        };
        return health.withDetail("role", leadership.role().name().toLowerCase(Locale.ROOT))
                .withDetail("since", leadership.since().toString()).build();
    }
}
