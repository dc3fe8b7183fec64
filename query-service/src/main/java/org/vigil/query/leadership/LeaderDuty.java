package org.vigil.query.leadership;

import org.springframework.context.SmartLifecycle;

/**
 * A component only the active node runs: the MLLP listener, the device connections, the live view folded from the
 * store. When {@link Leadership#isElected()} it does not start with the application ({@link #isAutoStartup()} is
 * false) but when this node takes the lease, in order of {@link #getPhase()}, and it is stopped, in reverse order,
 * when the lease is lost or the application stops. A duty whose {@link #start()} reloads state from the store may
 * start with the application too; it is then started again on taking the lease.
 */
public interface LeaderDuty extends SmartLifecycle {
}
