/**
 * The opt-in pump interlock (docs/DOMAIN.md, "Pump interlock"): on a selected HIGH alarm, pause the chair's infusing,
 * remotely controllable pump, confirm the pause from its next status, and record each step on the session. It decides
 * live only, in its own subscribing processor: a replay, a rebuild or a start-up never reaches it.
 */
package org.vigil.query.interlock;
