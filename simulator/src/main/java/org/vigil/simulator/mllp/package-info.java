/**
 * The sending side of an MLLP connection, as a device gateway behaves: framing, one message in flight, resend
 * after a reconnect, and delivery counts.
 */
package org.vigil.simulator.mllp;
