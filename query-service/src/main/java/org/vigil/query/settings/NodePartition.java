package org.vigil.query.settings;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.vigil.core.api.ChairId;

/**
 * The partition this node serves when several active nodes share one PostgreSQL ({@code vigil.node.partition},
 * e.g. a clinic's name): the chairs of its configuration ({@link DeviceBindings#chairs()}) are its own, and no other
 * partition may configure them. Without a name the node is the only one on its database (or one of an active and
 * standby pair) and every chair is its own.
 */
@Component
public class NodePartition {

    private final String name;
    private final DeviceBindings bindings;

    public NodePartition(@Value("${vigil.node.partition:}") String name, DeviceBindings bindings) {
        this.name = name == null ? "" : name.strip();
        this.bindings = bindings;
    }

    /** The partition's name; empty when none is configured. */
    public Optional<String> name() {
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** Whether this node serves {@code chair}: one of its configured chairs, or any chair when unpartitioned. */
    public boolean owns(ChairId chair) {
        return name.isEmpty() || bindings.chairs().contains(chair);
    }

    /**
     * The advisory lock key of this partition's lease: {@code base} (7600) unpartitioned; partitioned, {@code base}
     * in the upper 32 bits and the CRC-32 of the name in the lower, so that each partition has a lease of its own
     * (its active node and its standby contend for it) and {@code pg_locks} shows {@code base} as the lock's
     * {@code classid}.
     */
    public long lockKey(long base) {
        if (name.isEmpty()) {
            return base;
        }
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return (base << 32) | crc.getValue();
    }
}
