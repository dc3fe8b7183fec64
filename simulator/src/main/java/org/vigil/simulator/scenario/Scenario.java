package org.vigil.simulator.scenario;

/**
 * A named course of a treatment session, as a monitor would measure it. {@link #start(long)} gives the
 * values for one chair; the seed decides the patient, so the same scenario and seed replay identically.
 */
public interface Scenario {

    /** The name the CLI and configuration select it by, e.g. {@code severe-hypertension}. */
    String name();

    /** The values one monitor reports, for the patient the seed stands for. */
    VitalsTrace start(long seed);
}
