package org.vigil.core.alarm;

/**
 * The subscribing processor of every alarm decision handler (docs/DESIGN.md, principle 1): they run in the thread
 * that publishes the event, and a replay never reaches them.
 */
public final class AlarmDecisions {

    /** The processing group of the decision handlers, and of the error handler that fails their unit of work. */
    public static final String PROCESSING_GROUP = "alarm-decisions";

    private AlarmDecisions() {
    }
}
