package org.vigil.query.bench;

/** One thing measured: a receiver under a number of concurrent connections. */
record Series(Target target, int connections) {

    enum Target { BASELINE, VIGIL }

    String label() {
        return (target == Target.BASELINE ? "baseline" : "Vigil") + " ×" + connections;
    }
}
