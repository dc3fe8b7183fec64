package org.vigil.adapters.intellivue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.vigil.adapters.intellivue.wire.IntelliVueClientSettings;
import org.vigil.adapters.transport.ReconnectPolicy;
import org.vigil.adapters.transport.SupervisionSettings;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.Vital;
import org.vigil.simulator.intellivue.ImpersonatorConfig;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.ScriptedScenario;
import org.vigil.simulator.scenario.ScriptedValue;

/** The scripted patient, the monitor and the adapter settings both end-to-end IntelliVue tests use. */
final class KnownPatient {

    static final DeviceId DEVICE = new DeviceId("intellivue-chair-1");

    /** Steady numerics from the start, and one cuff cycle two seconds in. */
    static final ScriptedScenario SCENARIO = ScriptedScenario.of(
            ScriptedValue.at(Duration.ZERO, VitalSign.HEART_RATE, 88),
            ScriptedValue.at(Duration.ZERO, VitalSign.SPO2, 95),
            ScriptedValue.at(Duration.ZERO, VitalSign.RESPIRATORY_RATE, 16),
            ScriptedValue.at(Duration.ofSeconds(2), VitalSign.NIBP_SYSTOLIC, 152),
            ScriptedValue.at(Duration.ofSeconds(2), VitalSign.NIBP_DIASTOLIC, 97));

    /** The monitor's 32-bit RelativeTime wraps 1.5 s after it boots, before the cuff reading is shown. */
    static final ImpersonatorConfig MONITOR = ImpersonatorConfig.defaults()
            .withZone(ZoneOffset.UTC)
            .withInitialRelativeTime(0x1_0000_0000L - 12_000);

    static final IntelliVueClientSettings CLIENT = IntelliVueClientSettings.defaults(DEVICE, ZoneOffset.UTC)
            .withAnswerTimeout(Duration.ofSeconds(1));

    static final SupervisionSettings SUPERVISION = new SupervisionSettings(Duration.ofSeconds(2), Duration.ofMillis(50));

    static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(500), 2.0);

    private KnownPatient() {
    }

    /** What the adapter must hand over for this patient: its device, its numerics, stamped by the monitor's clock. */
    static void assertNumerics(DeviceObservations observations) {
        assertThat(observations.deviceId()).isEqualTo(DEVICE);
        assertThat(RecordingObservationsListener.value(observations, Vital.HEART_RATE)).contains(88.0);
        assertThat(RecordingObservationsListener.value(observations, Vital.SPO2)).contains(95.0);
        assertThat(RecordingObservationsListener.value(observations, Vital.PULSE_RATE)).contains(88.0);
        assertThat(RecordingObservationsListener.value(observations, Vital.RESPIRATORY_RATE)).contains(16.0);
        assertThat(Duration.between(observations.deviceTime(), observations.receivedAt()).abs())
                .as("device time read through the RelativeTime, which wraps during the test")
                .isLessThan(Duration.ofSeconds(1));
    }

    static boolean showsTheCuffReading(DeviceObservations observations) {
        return RecordingObservationsListener.value(observations, Vital.NIBP_SYSTOLIC).equals(Optional.of(152.0))
                && RecordingObservationsListener.value(observations, Vital.NIBP_DIASTOLIC)
                        .equals(Optional.of(97.0))
                && RecordingObservationsListener.value(observations, Vital.NIBP_MEAN)
                        .equals(Optional.of(115.0));
    }
}
