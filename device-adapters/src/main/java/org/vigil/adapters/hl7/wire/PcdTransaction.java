package org.vigil.adapters.hl7.wire;

import java.util.Arrays;
import java.util.Optional;

/**
 * The IHE PCD transactions Vigil receives, by their HL7 trigger event (MSH-9.2). All three share the
 * {@code ORU_R01} message structure (IHE PCD TF-2, PCD-01 and PCD-04; IPEC supplement 3.10.4.1.1).
 */
public enum PcdTransaction {
    /** Communicate PCD Data: periodic observations from monitors and pumps. */
    PCD_01("R01", "ORU^R01 (IHE PCD-01)"),
    /** Report Alert: a device's own alarm, phase by phase (Alert Communication Management). */
    PCD_04("R40", "ORU^R40 (IHE PCD-04)"),
    /** Communicate Infusion Event Data: one infusion pump event (Infusion Pump Event Communication). */
    PCD_10("R42", "ORU^R42 (IHE PCD-10)");

    private final String triggerEvent;
    private final String description;

    PcdTransaction(String triggerEvent, String description) {
        this.triggerEvent = triggerEvent;
        this.description = description;
    }

    /** MSH-9.2 of the messages of this transaction, and of their acknowledgement ({@code ACK^R40^ACK}). */
    public String triggerEvent() {
        return triggerEvent;
    }

    public String description() {
        return description;
    }

    static Optional<PcdTransaction> ofTriggerEvent(String triggerEvent) {
        return Arrays.stream(values()).filter(t -> t.triggerEvent.equals(triggerEvent)).findFirst();
    }

    static String accepted() {
        return String.join(", ", Arrays.stream(values()).map(PcdTransaction::description).toList());
    }
}
