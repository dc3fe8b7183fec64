package org.vigil.simulator.cli;

/** Simulated devices that serve their own links (serial devices, TCP ports), started and stopped together. */
interface ServedClinic {

    /** Starts every device; if one cannot (its port is taken), stops those already started and rethrows. */
    void start();

    void stop();

    /** A table of the counts, one line per device, for people reading a terminal. */
    String summary();

    /** Whether any device was used: polled, or wrote a line. */
    boolean used();
}
