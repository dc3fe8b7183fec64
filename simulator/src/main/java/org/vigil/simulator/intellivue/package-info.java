/**
 * A simulated Philips IntelliVue monitor: a pure impersonator of its MIB/RS232 Data Export port, served on a
 * serial device or a TCP port, with numerics from a scenario.
 */
package org.vigil.simulator.intellivue;
