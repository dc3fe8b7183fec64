/**
 * Named courses of a treatment session as a monitor measures them: modelled patients with scripted excursions,
 * exact scripted values for tests, and the NIBP cuff cadence.
 */
package org.vigil.simulator.scenario;
