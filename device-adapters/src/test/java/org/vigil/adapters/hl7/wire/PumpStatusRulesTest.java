package org.vigil.adapters.hl7.wire;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.PumpStatus;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PumpStatusRulesTest {

    @ParameterizedTest(name = "[{index}] stat={0} infusing={1} delivery={2} reason={3} event={4} -> {5}")
    @CsvSource(nullValues = "-", value = {
            "pump-status-infusing, , , , -, INFUSING",
            "pump-status-paused, , , , -, PAUSED",
            "pump-status-kvo, , , , -, KVO",
            "pump-status-complete, , , , -, COMPLETE",
            "pump-status-stopped, , , , -, STOPPED",
            "pump-status-standby, , , , -, IDLE",
            "pump-status-paused, pump-status-infusing, pump-delivery-status-delivering, , DELIVERY_START, PAUSED",
            ", pump-status-infusing, pump-delivery-status-kvo, , DELIVERY_START, KVO",
            ", pump-status-infusing, pump-delivery-status-delivering, , DELIVERY_START, INFUSING",
            ", pump-status-infusing, pump-delivery-status-transitioning, , DELIVERY_COMPLETE, COMPLETE",
            ", pump-status-infusing, pump-delivery-status-transitioning, , DELIVERY_STOP, INFUSING",
            ", pump-status-not-infusing, pump-delivery-status-transitioning, , DELIVERY_STOP, PAUSED",
            ", pump-status-not-infusing, pump-delivery-status-not-delivering, pump-stopped-by-clinician, DELIVERY_STOP, PAUSED",
            ", pump-status-not-infusing, pump-delivery-status-not-delivering, pump-stopped-not-specified, DELIVERY_STOP, PAUSED",
            ", pump-status-not-infusing, pump-delivery-status-not-delivering, pump-stopped-alarming, DELIVERY_STOP, STOPPED",
            ", pump-status-not-infusing, , , OTHER, IDLE",
            ", pump-status-infusing, , , OTHER, INFUSING",
            ", , pump-delivery-status-delivering, , -, INFUSING",
            ", pump-status-not-infusing, , , -, IDLE",
            ", pump-status-not-infusing, , pump-stopped-alarming, -, STOPPED",
            ", , , , -, -"})
    void decidesThePumpStatus(String explicit, String infusing, String delivery, String reason, PumpEvent event,
                              PumpStatus expected) {
        // when
        Optional<PumpStatus> status = PumpStatusRules.status(text(explicit), text(infusing), text(delivery),
                text(reason), event);

        // then
        assertThat(status).isEqualTo(Optional.ofNullable(expected));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
