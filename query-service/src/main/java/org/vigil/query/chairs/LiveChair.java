package org.vigil.query.chairs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.vigil.core.api.AlarmView;
import org.vigil.core.api.AudioPauseView;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.SessionSummary;
import org.vigil.core.api.Vital;
import org.vigil.core.api.VitalReading;
import org.vigil.core.pump.DoseLedger;
import org.vigil.core.session.SessionProgress;

/**
 * What the live view holds of one running session's chair, folded from the session's stream: its tile (without the
 * device links, which come from the connections as they report) and its trends. Stored as a snapshot
 * ({@link LiveViewSnapshots}) and read back unchanged.
 */
record LiveChair(SessionSummary session, String phase, Instant doseStartedAt, Map<Vital, VitalReading> vitals,
                 DoseLedger ledger, DeviceId lastPump, Double prescribedConcentrationMgPerMl, String interlockPause,
                 List<AlarmView> alarms, AudioPauseView audioPause, SessionProgress workflow, Map<Vital, List<ChairTrends.Point>> trends) {
}
