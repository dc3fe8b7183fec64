package org.vigil.query.support;

import java.time.Duration;
import java.util.List;
import org.vigil.core.alarm.AlarmDecisions;

/**
 * Every processing group of the application, by name. How each one runs (subscribing or tracking, batch size)
 * is set in application.yml; the tracking processors keep their tokens in Axon's {@code token_entry} table.
 */
public final class ProcessingGroups {

    /** The alarm decisions: subscribing, in the publishing thread, never replayed (docs/DESIGN.md, principle 1). */
    public static final String ALARM_DECISIONS = AlarmDecisions.PROCESSING_GROUP;

    /** State the command side keeps beside its events, written in their transaction: subscribing. */
    public static final String CHAIR_OCCUPANCY = "chair-occupancy";

    /** The pump interlock's decisions: subscribing, after the commit, never replayed (docs/DOMAIN.md). */
    public static final String PUMP_INTERLOCK = "pump-interlock";

    /** The live chair view and what is pushed to the screens: subscribing, changed after the commit. */
    public static final String LIVE_VIEW = "live-view";

    /** The persisted sessions index, fed by {@link #READ_MODELS_PROCESSOR}. */
    public static final String SESSIONS = "sessions";

    /** The persisted devices read model, fed by {@link #READ_MODELS_PROCESSOR}. */
    public static final String DEVICES = "devices";

    /** The persisted alarm records of every session, fed by {@link #READ_MODELS_PROCESSOR}. */
    public static final String ALARM_RECORDS = "alarm-records";

    /** Whether each esketamine session's REMS form is complete, fed by {@link #READ_MODELS_PROCESSOR}. */
    public static final String REMS_FORMS = "rems-forms";

    /** The InfluxDB time series: tracking, present only when InfluxDB is configured. */
    public static final String INFLUX = "influx";

    /** The persisted read models, which an engineer may rebuild: the processing groups of one processor. */
    public static final List<String> READ_MODELS = List.of(SESSIONS, DEVICES, ALARM_RECORDS, REMS_FORMS);

    /**
     * The one tracking processor that feeds every persisted read model: each event is read and deserialised once
     * for all of them, and they write a batch and their one token in one transaction.
     */
    public static final String READ_MODELS_PROCESSOR = "read-models";

    /**
     * How long a tracking processor at the head of the store waits for the next event before it renews its claim
     * on its token and looks again; an event that arrives ends the wait at once. It is also how long stopping the
     * application can wait for the processor's thread, so it is kept short: Axon's default of a second made every
     * stop of Vigil last a second longer than its work.
     */
    public static final Duration TRACKING_IDLE_WAIT = Duration.ofMillis(200);

    private ProcessingGroups() {
    }
}
