package org.vigil.adapters.pump.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PumpCommandsTest {

    @Test
    void writesEveryCommandInTheLayoutOfTheProtocol() {
        // then
        assertThat(PumpCommands.statusPoll()).isEqualTo("INF");
        assertThat(PumpCommands.programmeQuery()).isEqualTo("INF_PROG");
        assertThat(PumpCommands.setRate(52.5)).isEqualTo("INF_RATE^52.5^ml/h");
        assertThat(PumpCommands.setRate(525)).isEqualTo("INF_RATE^525^ml/h");
        assertThat(PumpCommands.setVolumeToBeInfused(35)).isEqualTo("INF_VTBI^ACTIV^35^ml^STOP");
        assertThat(PumpCommands.start()).isEqualTo("INF_START");
        assertThat(PumpCommands.stop()).isEqualTo("INF_STOP");
        assertThat(PumpCommands.remoteControl(true, 30)).isEqualTo("REMOTE_CTRL^ENABLED^30");
        assertThat(PumpCommands.remoteControl(false, 30)).isEqualTo("REMOTE_CTRL^DISABLED");
    }

    @Test
    void framesThePollAsTheGoldenBytes() {
        // then: CRC-16/CCITT-FALSE of "INF" is 4961
        assertThat(new String(PumpFrames.frame(PumpCommands.statusPoll()), StandardCharsets.US_ASCII))
                .isEqualTo("!INF|4961\r");
        assertThat(new String(PumpFrames.frame(PumpCommands.setRate(52.5)), StandardCharsets.US_ASCII))
                .isEqualTo("!INF_RATE^52.5^ml/h|715B\r");
    }

    @Test
    void roundsSettingsToThreePlacesWithoutAnExponent() {
        // then
        assertThat(PumpCommands.number(0.0001)).isEqualTo("0");
        assertThat(PumpCommands.number(1.23456)).isEqualTo("1.235");
        assertThat(PumpCommands.number(1e5)).isEqualTo("100000");
    }

    @Test
    void refusesASettingThatIsNotANumberAPumpCouldTake() {
        // then
        assertThatIllegalArgumentException().isThrownBy(() -> PumpCommands.setRate(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> PumpCommands.setRate(Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> PumpCommands.remoteControl(true, 0));
    }
}
