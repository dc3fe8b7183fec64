package org.vigil.adapters.hl7.wire;

import java.util.Optional;

/**
 * The infusion events a PCD-10 message reports in its {@code MDC_ATTR_EVT_COND} row (IPEC supplement,
 * table X.1.2-1). An infusion is a series of delivery segments, each begun by a delivery start and ended by a
 * delivery stop or complete; a start is also a restart, a rate change is a stop then a start (IPEC
 * appendix X.1 and table X.1.2.1-4).
 */
enum PumpEvent {
    DELIVERY_START,
    DELIVERY_STOP,
    DELIVERY_COMPLETE,
    /** Any other event (program cleared, patient change, communication status…): no change of delivery. */
    OTHER;

    static Optional<PumpEvent> of(ObxRow eventRow) {
        String code = eventRow.valueComponent(0);
        int number = code.matches("\\d{1,9}") ? Integer.parseInt(code) : 0;
        String referenceId = eventRow.valueComponent(1);
        if (number == 0 && referenceId.isEmpty()) {
            return Optional.empty();
        }
        if (PumpTerms.DELIVERY_START.matches(number, referenceId)) {
            return Optional.of(DELIVERY_START);
        }
        if (PumpTerms.DELIVERY_STOP.matches(number, referenceId)) {
            return Optional.of(DELIVERY_STOP);
        }
        if (PumpTerms.DELIVERY_COMPLETE.matches(number, referenceId)) {
            return Optional.of(DELIVERY_COMPLETE);
        }
        return Optional.of(OTHER);
    }
}
