package org.vigil.query.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.session.ChairOccupancy;
import org.vigil.query.GatewayMessages;
import org.vigil.query.RunningVigil;
import org.vigil.query.occupancy.StoredChairOccupancy;

/**
 * A monitor message routed to the chair's session in the instant before the occupancy shows that session ended (its
 * end committed, the occupancy not yet changed) is refused by the session; it is routed once more, to the device, and
 * answered {@code AA}, instead of {@code AE} and a resend. The instant is held open here: the occupancy the write
 * path reads keeps showing the ended session.
 */
class SessionEndRoutingIT {

    @TempDir
    Path data;

    @Test
    void aMessageRoutedToASessionThatHasJustEndedIsStoredOnTheDeviceAndAnsweredAa() {
        LateOccupancy late = new LateOccupancy();
        List<String> devices = RunningVigil.devices(GatewayMessages.NIST_DEVICE + "=chair-1");
        try (RunningVigil vigil = RunningVigil.startWith(data, devices, builder -> builder.initializers(context ->
                ((GenericApplicationContext) context).registerBean("lateOccupancy", ChairOccupancy.class,
                        () -> late.over(context.getBean(StoredChairOccupancy.class)),
                        definition -> definition.setPrimary(true))))) {
            // given a session that has ended, while the occupancy still shows it
            SessionId session = vigil.startSession("chair-1", 120, 80);
            vigil.command(new EndSessionCommand(session, "done", Instant.now()));
            late.stillShows(new ChairId("chair-1"), session);

            // when
            String ack = GatewayMessages.send(vigil.mllpPort(), GatewayMessages.nist(), Duration.ofSeconds(10));

            // then
            assertThat(ack).contains("MSA|AA|");
            List<RunningVigil.Stored<ObservationsRecordedEvent>> stored = vigil.stored(ObservationsRecordedEvent.class);
            assertThat(stored).hasSize(1);
            assertThat(stored.get(0).payload().sessionId()).as("stored on the device, not the ended session").isNull();
        }
    }

    /** The command side's occupancy, except one chair for which it shows a session that has ended. */
    private static final class LateOccupancy implements ChairOccupancy {

        private final AtomicReference<ChairOccupancy> stored = new AtomicReference<>();
        private final AtomicReference<Map.Entry<ChairId, SessionId>> shown = new AtomicReference<>();

        ChairOccupancy over(ChairOccupancy occupancy) {
            stored.set(occupancy);
            return this;
        }

        void stillShows(ChairId chair, SessionId session) {
            shown.set(Map.entry(chair, session));
        }

        @Override
        public Optional<SessionId> sessionAt(ChairId chair) {
            Map.Entry<ChairId, SessionId> late = shown.get();
            return late != null && late.getKey().equals(chair) ? Optional.of(late.getValue())
                    : stored.get().sessionAt(chair);
        }

        @Override
        public Map<ChairId, SessionId> running() {
            return stored.get().running();
        }

        @Override
        public Map<ChairId, SessionId> recorded() {
            return stored.get().recorded();
        }

        @Override
        public Optional<SessionId> recordedAt(ChairId chair) {
            return stored.get().recordedAt(chair);
        }
    }
}
