/**
 * A simulated Masimo pulse oximeter writing its ASCII 1 lines (docs/PROTOCOLS.md §4) on a serial port or a
 * terminal-server TCP port, playing the monitor scenarios with sensor faults.
 */
package org.vigil.simulator.masimo;
