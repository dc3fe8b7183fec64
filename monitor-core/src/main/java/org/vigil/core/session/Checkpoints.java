package org.vigil.core.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.api.CheckpointStatus;
import org.vigil.core.api.CheckpointView;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.WorkflowRules;

/**
 * The blood-pressure checks a session requires, each due, done or overdue. Esketamine's REMS asks for blood pressure
 * before dosing, about 40 min after, and before discharge (FDA Spravato REMS; docs/DOMAIN.md, "The treatment"); IV
 * sessions have the first and the last, which the gate and the discharge criteria need anyway.
 *
 * <p>Windows — a blood pressure recorded in the window does the check:
 * <ul>
 *   <li>before dosing: from check-in to the dose start; overdue if dosing started without one;</li>
 *   <li>about 40 min: the protocol's time after the dose start, plus or minus its window; overdue once the window
 *       has closed;</li>
 *   <li>before discharge: from the window before the end of observation until the session ends; overdue once the
 *       end of observation is that window past, or the session ended without one.</li>
 * </ul>
 */
final class Checkpoints {

    static final String BEFORE_DOSING = "BP before dosing";
    static final String MID_OBSERVATION = "BP at 40 min";
    static final String BEFORE_DISCHARGE = "BP before discharge";

    private Checkpoints() {
    }

    static List<CheckpointView> of(SessionProgress session, Instant now) {
        List<CheckpointView> checkpoints = new ArrayList<>();
        WorkflowRules rules = session.rules();
        if (rules == null) {
            return checkpoints;
        }
        Instant doseStart = session.doseStartedAt();
        checkpoints.add(check(session, BEFORE_DOSING, session.checkedInAt(), session.checkedInAt(), doseStart,
                doseStart != null));
        if (session.treatment() == Treatment.ESKETAMINE) {
            Instant due = doseStart == null ? null : doseStart.plus(rules.midCheckpointAfterDose());
            Instant opens = due == null ? null : due.minus(rules.midCheckpointWindow());
            Instant closes = due == null ? null : due.plus(rules.midCheckpointWindow());
            checkpoints.add(check(session, MID_OBSERVATION, due, opens, closes,
                    closes != null && now.isAfter(closes)));
        }
        Instant due = session.observeUntil();
        Instant opens = due == null ? null : due.minus(rules.beforeDischargeWindow());
        Instant closes = session.ended() ? session.endedAt() : null;
        boolean late = due != null && (session.ended() || now.isAfter(due.plus(rules.beforeDischargeWindow())));
        checkpoints.add(check(session, BEFORE_DISCHARGE, due, opens, closes, late));
        return checkpoints;
    }

    private static CheckpointView check(SessionProgress session, String label, Instant due, Instant opens,
                                        Instant closes, boolean late) {
        Instant done = opens == null ? null : session.bloodPressureTimes().stream()
                .filter(at -> !at.isBefore(opens) && (closes == null || !at.isAfter(closes)))
                .findFirst()
                .orElse(null);
        CheckpointStatus status = done != null ? CheckpointStatus.DONE
                : late ? CheckpointStatus.OVERDUE : CheckpointStatus.DUE;
        return new CheckpointView(label, due, opens, closes, status, done);
    }
}
