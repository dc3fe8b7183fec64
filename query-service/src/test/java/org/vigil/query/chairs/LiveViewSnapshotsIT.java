package org.vigil.query.chairs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.AcknowledgeAlarmCommand;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.RaiseAlarmCommand;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.RecordPumpReportCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Vital;
import org.vigil.query.RunningVigil;
import org.vigil.query.store.EventSerializers;

/**
 * A snapshot of a running session's chair, and the events stored after it, give the chair the live view shows;
 * snapshots follow the session and go when it ends.
 */
class LiveViewSnapshotsIT {

    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final ObjectMapper JSON = EventSerializers.json();

    @TempDir
    Path data;

    @Test
    void aChairFoldedFromItsSnapshotAndTheEventsAfterItIsTheLiveOne() {
        // no time-driven decision changes the chair while it is compared
        try (RunningVigil vigil = RunningVigil.startWith(data, List.of("--vigil.alarms.tick-ms="
                + Duration.ofDays(1).toMillis()))) {
            LiveViewSnapshots snapshots = vigil.context().getBean(LiveViewSnapshots.class);
            // given a running session with vitals, a pump and an acknowledged alarm, and a snapshot of its chair
            SessionId session = vigil.startSession(CHAIR.value(), 125, 78);
            record(vigil, session, 0, 40);
            pump(vigil, session, 1, 4.5);
            AlarmId first = raise(vigil, session, "severe-hypertension");
            vigil.command(new AcknowledgeAlarmCommand(session, first, "nurse", now()));
            assertThat(snapshots.takeAll()).isEqualTo(1);
            long taken = snapshots.latest(session).orElseThrow().sequenceNumber();
            assertThat(json(snapshots.latest(session).orElseThrow().chair())).isEqualTo(live(vigil, session));

            // when more is stored after it
            record(vigil, session, 40, 25);
            pump(vigil, session, 2, 6.0);
            raise(vigil, session, "tachycardia");

            // then the snapshot and the events after it fold into the chair the live view shows
            JsonNode live = live(vigil, session);
            assertThat(json(snapshots.foldFromSnapshot(CHAIR, session).orElseThrow().chair())).isEqualTo(live);
            assertThat(live.path("alarms").findValuesAsText("rule")).contains("tachycardia");
            assertThat(live.path("trends").path("HEART_RATE")).hasSize(65);

            // and the next snapshot goes on from there
            assertThat(snapshots.takeAll()).isEqualTo(1);
            assertThat(snapshots.latest(session).orElseThrow().sequenceNumber()).isGreaterThan(taken);
            assertThat(json(snapshots.latest(session).orElseThrow().chair())).isEqualTo(live);
            assertThat(snapshots.takeAll()).as("nothing new to fold").isZero();

            // and once the session ends its snapshot goes
            vigil.command(new EndSessionCommand(session, "discharged", now()));
            snapshots.takeAll();
            assertThat(snapshots.latest(session)).isEmpty();
        }
    }

    private static JsonNode live(RunningVigil vigil, SessionId session) {
        ChairsProjection chairs = vigil.context().getBean(ChairsProjection.class);
        ChairTrends trends = vigil.context().getBean(ChairTrends.class);
        return json(chairs.export(CHAIR, session, trends.export(CHAIR)).orElseThrow());
    }

    private static JsonNode json(LiveChair chair) {
        return JSON.valueToTree(chair);
    }

    private static void record(RunningVigil vigil, SessionId session, int from, int count) {
        for (int n = from; n < from + count; n++) {
            Instant at = now().plusMillis(n);
            vigil.command(new RecordObservationsCommand(session, new DeviceObservations(new DeviceId("monitor-1"),
                    new MessageKey("monitor-1", "msg-" + n), at, at,
                    List.of(Observation.of(Vital.HEART_RATE, 70 + n % 30, at),
                            Observation.of(Vital.NIBP_SYSTOLIC, 120 + n % 7, at)))));
        }
    }

    private static void pump(RunningVigil vigil, SessionId session, int n, double infusedMl) {
        Instant at = now();
        vigil.command(new RecordPumpReportCommand(session, new PumpReport(new DeviceId("pump-1"),
                new MessageKey("pump-1", "p-" + n), at, at, PumpStatus.INFUSING,
                new PumpProgramme("ketamine", 1.0, 52.5, 35.0, null, null), infusedMl, 30.5, null, List.of())));
    }

    private static AlarmId raise(RunningVigil vigil, SessionId session, String rule) {
        AlarmId alarm = AlarmId.random();
        vigil.command(new RaiseAlarmCommand(session, alarm, rule, AlarmPriority.HIGH,
                AlarmKind.PHYSIOLOGICAL, "NIBP 186/100 mmHg", 186.0, now(), now()));
        return alarm;
    }

    private static Instant now() {
        return Clock.systemUTC().instant();
    }
}
