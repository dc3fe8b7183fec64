package org.vigil.query.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The leadership lock of a partition: its own key, with the configured key where pg_locks shows the classid. */
class NodePartitionTest {

    @Test
    void aNodeWithoutPartitionKeepsTheConfiguredLockKey() {
        assertThat(new NodePartition("", null).lockKey(7600)).isEqualTo(7600L);
        assertThat(new NodePartition(" ", null).name()).isEmpty();
    }

    @Test
    void eachPartitionHasAKeyOfItsOwnUnderTheConfiguredOne() {
        long a = new NodePartition("clinic-a", null).lockKey(7600);
        long b = new NodePartition("clinic-b", null).lockKey(7600);

        assertThat(a).isNotEqualTo(b).isNotEqualTo(7600L);
        assertThat(a >>> 32).as("classid in pg_locks").isEqualTo(7600L);
        assertThat(b >>> 32).isEqualTo(7600L);
        assertThat(new NodePartition("clinic-a", null).lockKey(7600)).as("the same name, the same key").isEqualTo(a);
    }
}
