/**
 * The simulated patient: a seeded baseline, the blood-pressure response to an IV ketamine infusion, drift and
 * noise, all pure functions of seed and time.
 */
package org.vigil.simulator.patient;
