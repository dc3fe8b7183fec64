package org.vigil.query.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.query.settings.VigilProperties.DeviceEntry;
import org.vigil.query.settings.VigilProperties.SerialLine;

class DeviceBindingsTest {

    @Test
    void refusesAnOximeterLeftOnTheHl7Listener() {
        // given: transport left at its default
        DeviceEntry oximeter = new DeviceEntry("masimo-1", "chair-1", "masimo", "listener", null, null, "UTC", null,
                List.of());

        // then
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviceBindings(properties(oximeter)))
                .withMessage("vigil.devices[id=masimo-1].transport: a masimo device needs serial, tcp-client or "
                        + "tcp-listener; the listener (the default) speaks HL7 only");
    }

    @Test
    void bindsAnOximeterOnASerialPortToItsChair() {
        // given
        DeviceEntry oximeter = new DeviceEntry("masimo-1", "chair-1", "masimo", "serial",
                new SerialLine("/dev/ttyUSB0", null, 8, "none", "1", "none"), null, "UTC", null, List.of());

        // when
        DeviceBindings bindings = new DeviceBindings(properties(oximeter));

        // then
        assertThat(bindings.linkedDevices()).containsExactly(oximeter);
        assertThat(bindings.chairOf(DeviceId.of("masimo-1"))).contains(new ChairId("chair-1"));
    }

    private static VigilProperties properties(DeviceEntry device) {
        return new VigilProperties(null, null, List.of(), List.of(device), null);
    }
}
