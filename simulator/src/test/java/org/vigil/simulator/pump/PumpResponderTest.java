package org.vigil.simulator.pump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PumpResponderTest {

    private static final Instant CLOCK = Instant.parse("2025-03-01T09:12:00Z");

    private final PumpModel pump = new PumpModel(PumpDose.ketamine(70, 1.0).programme());
    private final PumpResponder responder = new PumpResponder("ALR8100-0042", ZoneId.of("Europe/Berlin"));

    @Test
    void answersTheStatusPollWithTheStatusReplyFields() {
        // given
        pump.start();
        pump.advanceTo(Duration.ofMinutes(12));

        // when
        String reply = responder.respond("INF", pump, Duration.ofMinutes(12), CLOCK);

        // then: the clock in the pump's own zone, one hour ahead of UTC
        assertThat(reply).isEqualTo("INF^ALR8100-0042^NONE^INFUSING^52.5^10.50^31^0:28:00^24.50^20250301101200");
    }

    @Test
    void listsEveryActiveAlarmAndTheStoppedMode() {
        // given
        pump.start();
        pump.advanceTo(Duration.ofMinutes(12));
        pump.raise(PumpAlarmCode.OCCL_DOWN);
        pump.raise(PumpAlarmCode.BATT_LOW);

        // when
        String reply = responder.respond("INF", pump, Duration.ofMinutes(12), CLOCK);

        // then
        assertThat(reply).startsWith("INF^ALR8100-0042^OCCL_DOWN+BATT_LOW^STOPPED^52.5^10.50^620^--^24.50^");
    }

    @Test
    void answersTheProgrammeQuery() {
        // when
        String reply = responder.respond("INF_PROG", pump, Duration.ZERO, CLOCK);

        // then
        assertThat(reply).isEqualTo("INF_PROG^KETAMINE^1^52.5^35^0.75^mg/kg/h");
    }

    @Test
    void refusesControlCommandsUntilRemoteControlIsEnabled() {
        // when
        String refused = responder.respond("INF_START", pump, Duration.ZERO, CLOCK);
        String enabled = responder.respond("REMOTE_CTRL^ENABLED^30", pump, Duration.ZERO, CLOCK);
        String rate = responder.respond("INF_RATE^60^ml/h", pump, Duration.ofSeconds(1), CLOCK);
        String started = responder.respond("INF_START", pump, Duration.ofSeconds(2), CLOCK);

        // then
        assertThat(refused).isEqualTo("NAK^INF_START^REMOTE_DISABLED");
        assertThat(enabled).isEqualTo("ACK^REMOTE_CTRL");
        assertThat(rate).isEqualTo("ACK^INF_RATE");
        assertThat(started).isEqualTo("ACK^INF_START");
        assertThat(pump.snapshot().state()).isEqualTo(PumpState.INFUSING);
        assertThat(pump.snapshot().programme().rateMlPerHour()).isEqualTo(60.0);
    }

    @Test
    void fallsBackToLocalControlWhenTheWatchdogRunsOut() {
        // given
        responder.respond("REMOTE_CTRL^ENABLED^30", pump, Duration.ZERO, CLOCK);

        // when
        String reply = responder.respond("INF_START", pump, Duration.ofSeconds(31), CLOCK);

        // then
        assertThat(reply).isEqualTo("NAK^INF_START^REMOTE_DISABLED");
    }

    @Test
    void setsTheVolumeToBeInfusedAndStops() {
        // given
        responder.respond("REMOTE_CTRL^ENABLED^30", pump, Duration.ZERO, CLOCK);
        pump.start();

        // when
        String vtbi = responder.respond("INF_VTBI^ACTIV^50^ml^STOP", pump, Duration.ZERO, CLOCK);
        String stop = responder.respond("INF_STOP", pump, Duration.ZERO, CLOCK);
        String badRate = responder.respond("INF_RATE^fast^ml/h", pump, Duration.ZERO, CLOCK);

        // then
        assertThat(vtbi).isEqualTo("ACK^INF_VTBI");
        assertThat(stop).isEqualTo("ACK^INF_STOP");
        assertThat(badRate).isEqualTo("NAK^INF_RATE^BAD_ARGUMENT");
        assertThat(pump.snapshot().programme().vtbiMl()).isEqualTo(50.0);
        assertThat(pump.snapshot().state()).isEqualTo(PumpState.STOPPED);
    }

    @Test
    void aPumpWithRemoteControlLockedRefusesItAndKeepsInfusing() {
        // given
        PumpResponder locked = new PumpResponder("ALR8100-0042", ZoneId.of("Europe/Berlin"), true);
        pump.start();

        // when
        String enable = locked.respond("REMOTE_CTRL^ENABLED^10", pump, Duration.ZERO, CLOCK);
        String stop = locked.respond("INF_STOP", pump, Duration.ZERO, CLOCK);

        // then
        assertThat(enable).isEqualTo("NAK^REMOTE_CTRL^LOCKED");
        assertThat(stop).isEqualTo("NAK^INF_STOP^REMOTE_DISABLED");
        assertThat(pump.snapshot().state()).isEqualTo(PumpState.INFUSING);
    }

    @Test
    void refusesAnUnknownCommand() {
        // when
        String reply = responder.respond("BOLUS^5", pump, Duration.ZERO, CLOCK);

        // then
        assertThat(reply).isEqualTo("NAK^BOLUS^UNKNOWN");
    }

    @Test
    void framesRepliesWithTheCrcOfTheBody() {
        // then: CRC-16/CCITT-FALSE check value of "123456789" is 29B1
        assertThat(PumpCrc.digits("123456789")).isEqualTo("29B1");
        assertThat(new String(ReplyFrames.frame("ACK^INF_RATE"), StandardCharsets.US_ASCII))
                .isEqualTo("!ACK^INF_RATE|2F7E\r");
    }
}
