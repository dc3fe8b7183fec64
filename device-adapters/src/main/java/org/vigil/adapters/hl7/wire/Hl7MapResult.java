package org.vigil.adapters.hl7.wire;

import org.vigil.core.api.DeviceReport;

import java.util.List;
import java.util.Objects;

/** What {@link PcdMapper} made of a decoded message: the reports to record, or why there are none. */
public sealed interface Hl7MapResult {

    /**
     * @param reports  what to record, at least one: one per message, except a PCD-01 message that carries a
     *                 monitor and a pump, which gives one per device kind ({@link PcdMapper})
     * @param warnings what was left out of the reports and why, for the log
     */
    record Mapped(List<DeviceReport> reports, List<String> warnings) implements Hl7MapResult {
        public Mapped {
            reports = List.copyOf(reports);
            warnings = List.copyOf(warnings);
            if (reports.isEmpty()) {
                throw new IllegalArgumentException("a mapped message gives at least one report");
            }
        }

        static Mapped of(DeviceReport report, List<String> warnings) {
            return new Mapped(List.of(report), warnings);
        }
    }

    record Failed(Hl7Failure failure) implements Hl7MapResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
