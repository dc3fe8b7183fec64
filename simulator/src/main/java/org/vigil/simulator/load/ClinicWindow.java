package org.vigil.simulator.load;

/**
 * Told when a clinic load's measured window opens (the warm-up is over) and when it closes, on the thread that runs
 * the load: so a benchmark can measure the receiver's processor, heap and garbage collection over the same window.
 */
public interface ClinicWindow {

    ClinicWindow NONE = new ClinicWindow() {
    };

    default void opened() {
    }

    default void closed() {
    }
}
