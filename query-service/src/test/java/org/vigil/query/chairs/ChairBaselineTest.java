package org.vigil.query.chairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.PreAssessmentRecordedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SessionSummary;
import org.vigil.core.api.Treatment;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.live.LiveStream;
import org.vigil.query.settings.DeviceBindings;
import org.vigil.query.settings.VigilProperties;

/**
 * A session booked at the station has no baseline until the nurse records the pre-assessment; from then on the
 * tile compares with the pre-assessment's baseline and shows its weight, as the alarm rules do.
 */
class ChairBaselineTest {

    private static final SessionId SESSION = new SessionId("s-1");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final Instant START = Instant.parse("2026-11-21T09:00:00Z");
    private static final ClinicProtocol PROTOCOL = ClinicProtocol.loadDefault();

    private final ChairsProjection chairs = new ChairsProjection(
            new DeviceBindings(new VigilProperties(null, null, List.of("chair-1"), List.of(), null)),
            new LiveStream(), PROTOCOL, Clock.fixed(START.plusSeconds(600), ZoneOffset.UTC));
    private final AnnotationEventHandlerAdapter fold = new AnnotationEventHandlerAdapter(chairs);

    @Test
    void thePreAssessmentGivesTheTileItsBaselineAndWeight() throws Exception {
        // given a session booked without a baseline
        fold.handle(GenericEventMessage.asEventMessage(new SessionStartedEvent(SESSION, CHAIR, "P-1", 70, 40,
                Treatment.IV_KETAMINE, null, PROTOCOL.ref(), START)));
        assertThat(session().baseline()).isNull();

        // when the nurse records the pre-assessment
        fold.handle(GenericEventMessage.asEventMessage(new PreAssessmentRecordedEvent(SESSION, CHAIR, 72.5,
                new BaselineVitals(128, 82, 74, 98), Set.of(), true, "partner", "nurse", START.plusSeconds(300))));

        // then the tile compares with it and shows the weight the dose is computed from
        assertThat(session().baseline()).isEqualTo(new BaselineVitals(128, 82, 74, 98));
        assertThat(session().weightKg()).isEqualTo(72.5);
        assertThat(session().startedAt()).isEqualTo(START);
    }

    private SessionSummary session() {
        return chairs.chairAt(CHAIR, START.plusSeconds(600)).session();
    }
}
