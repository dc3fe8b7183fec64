package org.vigil.adapters.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vigil.adapters.transport.SerialSettings.FlowControl;
import org.vigil.adapters.transport.SerialSettings.Parity;
import org.vigil.adapters.transport.SerialSettings.StopBits;

class SerialSettingsTest {

    @Test
    void intelliVueMibPortIs115200EightNoneOneWithoutFlowControl() {
        // when
        SerialSettings settings = SerialSettings.intelliVue("/dev/ttyUSB0");

        // then
        assertThat(settings).isEqualTo(new SerialSettings("/dev/ttyUSB0", 115_200, 8, Parity.NONE, StopBits.ONE,
                FlowControl.NONE));
        assertThat(settings.lineDescription()).isEqualTo("115200 8N1");
    }

    @Test
    void pumpPortIs38400EightNoneOne() {
        // when
        SerialSettings settings = SerialSettings.pump("/dev/ttyS1");

        // then
        assertThat(settings.lineDescription()).isEqualTo("38400 8N1");
        assertThat(settings.flowControl()).isEqualTo(FlowControl.NONE);
    }

    @Test
    void pulseOximeterPortIs9600EightNoneOne() {
        assertThat(SerialSettings.pulseOximeter("/dev/ttyS2").lineDescription()).isEqualTo("9600 8N1");
    }

    @Test
    void describesOtherLineSettingsInTheUsualShortForm() {
        // given
        SerialSettings settings = new SerialSettings("/dev/ttyS0", 9_600, 7, Parity.EVEN, StopBits.TWO,
                FlowControl.RTS_CTS);

        // then
        assertThat(settings.lineDescription()).isEqualTo("9600 7E2 RTS/CTS");
    }

    @Test
    void refusesImpossibleLineSettings() {
        assertThatThrownBy(() -> SerialSettings.eightNoneOne(" ", 9_600))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path");
        assertThatThrownBy(() -> SerialSettings.eightNoneOne("/dev/ttyS0", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baud");
        assertThatThrownBy(() -> new SerialSettings("/dev/ttyS0", 9_600, 9, Parity.NONE, StopBits.ONE,
                FlowControl.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data bits");
    }
}
