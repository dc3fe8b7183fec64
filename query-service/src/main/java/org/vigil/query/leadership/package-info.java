/**
 * One active node of two on one PostgreSQL (docs/DESIGN.md, "Runtime"): the node that holds a session-level advisory
 * lock in the database leads — it owns the device connections, the MLLP listener and the alarm decisions on the
 * clock; the other stands by, polls for the lock and takes over when PostgreSQL releases it because the leader's
 * connection died. Off unless {@code vigil.leadership.enabled}; then every node stands by until it holds the lock.
 */
package org.vigil.query.leadership;
