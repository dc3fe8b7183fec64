package org.vigil.query.leadership;

import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's role and since when. With {@code vigil.leadership.enabled} unset the node is the only one and always
 * active; with it set the node is active only while it holds the lease ({@link LeaderElection}): whatever acts on
 * the clock or writes on its own (the alarm ticker, device supervision, live view snapshots) asks {@link #isActive()}
 * first, and the {@link LeaderDuty} components start only when the lease is taken.
 */
@Component
public class Leadership {

    /** What this node does now. */
    public enum Role {
        /** Leadership is not configured: the only node, always active. */
        SINGLE,
        /** Waiting for the lease: ingests nothing, decides nothing. */
        STANDBY,
        /** Holds the lease: the active node. */
        LEADER,
        /** Held the lease and lost it: ingest stopped, the process ends. */
        LOST
    }

    private final boolean elected;
    private volatile Role role;
    private volatile Instant since;

    Leadership(@Value("${vigil.leadership.enabled:false}") boolean elected, Clock clock) {
        this.elected = elected;
        this.role = elected ? Role.STANDBY : Role.SINGLE;
        this.since = clock.instant();
    }

    /** Whether a lease decides which node is active; when not, the leader duties start with the application. */
    public boolean isElected() {
        return elected;
    }

    /** Whether this node ingests, decides and writes on its own now. */
    public boolean isActive() {
        Role now = role;
        return now == Role.SINGLE || now == Role.LEADER;
    }

    public Role role() {
        return role;
    }

    public Instant since() {
        return since;
    }

    void become(Role next, Instant at) {
        since = at;
        role = next;
    }
}
