/**
 * The simulator's command line (picocli): which devices to run, on which protocol and transport, with which
 * scenarios.
 */
package org.vigil.simulator.cli;
