/**
 * A simulated infusion pump: a state machine over simulated time that answers the serial pump protocol on a
 * pseudo-terminal or a terminal server's port, and sends IHE PCD-01, PCD-04 and PCD-10 over MLLP.
 */
package org.vigil.simulator.pump;
