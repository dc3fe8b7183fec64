package org.vigil.query.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRecordView;
import org.vigil.core.api.CheckpointView;
import org.vigil.core.api.SessionSummary;
import org.vigil.core.protocol.AlarmThresholds;

/**
 * Everything the review page of one session draws, in one answer: the vitals and the infusion over time, the alarm
 * records, the human actions, the checkpoints and the summary figures.
 *
 * @param replayFrom the first moment the timeline answers: when the session's start was stored, a little after the
 *                   start time the check-in gave
 * @param thresholds the alarm thresholds of the protocol the session ran under, {@code null} when that version is
 *                   not the one loaded (the chart then draws none rather than the wrong ones)
 * @param vitals     per series ({@code sbp}, {@code dbp}, {@code map}, {@code hr}, {@code spo2}, {@code rr}), the
 *                   values in time order, each at the time Vigil received it: on Vigil's clock, as the alarms and the
 *                   replayed tile are, whatever the drift of a device's own clock
 * @param infusion   the pumps' reports, at the time received: rate and cumulative dose delivered
 */
public record ReviewData(SessionSummary summary, Instant replayFrom, AlarmThresholds thresholds,
                         Map<String, List<Point>> vitals, List<InfusionPoint> infusion,
                         List<AlarmRecordView> alarms, List<Action> actions, List<CheckpointView> checkpoints,
                         Figures figures) {

    /** A value at a moment: epoch milliseconds and value, as a chart draws it. */
    public record Point(long t, double v) {
    }

    /**
     * @param rateMlPerHour the programmed rate, {@code null} when the report carried none
     * @param deliveredMg   the session's dose delivered so far, every pump together
     */
    public record InfusionPoint(long t, Double rateMlPerHour, double deliveredMg, Double deliveredMgPerKg) {
    }

    /** Something a named person did, at a moment. */
    public record Action(Instant at, String user, String what) {
    }

    /**
     * The review's summary.
     *
     * @param prescribedMg        the dose prescribed, {@code null} when nothing was prescribed
     * @param differenceMg        delivered minus prescribed, {@code null} when nothing was prescribed
     * @param observedFor         from the first vital received to the last
     * @param dischargeCriteriaMetAt when the discharge criteria were first judged met, {@code null} if never
     */
    public record Figures(Double prescribedMg, Double prescribedMgPerKg, double deliveredMg, Double deliveredMgPerKg,
                          Double differenceMg, Peak peakSystolic, Peak peakDiastolic,
                          Map<AlarmPriority, Long> alarmsByPriority, Duration medianTimeToAcknowledge,
                          Duration worstTimeToAcknowledge, long escalations, Instant firstVitalAt,
                          Instant lastVitalAt, Duration observedFor, Instant dischargeCriteriaMetAt) {
    }

    /** The highest value of a series and when it was measured. */
    public record Peak(double value, Instant at) {
    }
}
