/**
 * A clinic of simulated vital-sign monitors sending IHE PCD-01 over MLLP, each playing a scenario in simulated
 * time. It meets Vigil only on the wire.
 */
package org.vigil.simulator;
