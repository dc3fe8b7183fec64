package org.vigil.adapters.hl7.wire;

import java.time.Instant;
import java.util.List;

/**
 * One OBR and its OBX rows.
 *
 * @param fillerOrderNumber OBR-3 (EI components; in PCD-04 the alert's identity)
 * @param parent            OBR-29.2, the filler-assigned identifier of the parent (in PCD-04 the alert this
 *                          message updates or ends), else OBR-29.1; empty components when absent
 * @param serviceCode       OBR-4.1
 * @param serviceText       OBR-4.2
 * @param time              OBR-7, or {@code null}
 */
record PcdOrder(List<String> fillerOrderNumber, List<String> parent, String serviceCode, String serviceText,
                Instant time, List<ObxRow> rows) {

    PcdOrder {
        fillerOrderNumber = List.copyOf(fillerOrderNumber);
        parent = List.copyOf(parent);
        rows = List.copyOf(rows);
    }
}
