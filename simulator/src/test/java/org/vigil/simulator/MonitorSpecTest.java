package org.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.scenario.Scenarios;

class MonitorSpecTest {

    @Test
    void namesMonitorsAndChairsByNumber() {
        // when
        MonitorSpec first = MonitorSpec.numbered(1, Scenarios.NORMAL, 7);
        MonitorSpec twelfth = MonitorSpec.numbered(12, Scenarios.NORMAL, 7);

        // then
        assertThat(first.deviceName()).isEqualTo("sim-monitor-01");
        assertThat(first.chairName()).isEqualTo("chair-1");
        assertThat(twelfth.deviceName()).isEqualTo("sim-monitor-12");
        assertThat(twelfth.chairName()).isEqualTo("chair-12");
    }

    @Test
    void givesEachChairOfAClinicItsOwnPatient() {
        // when
        List<MonitorSpec> clinic = MonitorSpec.clinic(3, Scenarios.TACHYCARDIA, 100);

        // then
        assertThat(clinic).extracting(MonitorSpec::deviceName)
                .containsExactly("sim-monitor-01", "sim-monitor-02", "sim-monitor-03");
        assertThat(clinic).extracting(MonitorSpec::seed).containsExactly(101L, 102L, 103L);
        assertThat(clinic).extracting(MonitorSpec::patientPseudonym).doesNotHaveDuplicates();
    }

    @Test
    void derivesAStableEui64FromTheDeviceName() {
        // when
        String eui = MonitorSpec.numbered(1, Scenarios.NORMAL, 1).eui64();

        // then
        assertThat(eui).matches("025649FFFE[0-9A-F]{6}");
        assertThat(MonitorSpec.numbered(1, Scenarios.HYPOTENSION, 99).eui64()).isEqualTo(eui);
        assertThat(MonitorSpec.numbered(2, Scenarios.NORMAL, 1).eui64()).isNotEqualTo(eui);
    }
}
