package org.vigil.adapters.protocol.hl7;

import org.vigil.core.api.DeviceObservations;

import java.util.Objects;

/** What {@link Pcd01Mapper} made of a decoded message: the observations to record, or why there are none. */
public sealed interface Hl7MapResult {

    record Mapped(DeviceObservations observations) implements Hl7MapResult {
        public Mapped {
            Objects.requireNonNull(observations, "observations");
        }
    }

    record Failed(Hl7Failure failure) implements Hl7MapResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
