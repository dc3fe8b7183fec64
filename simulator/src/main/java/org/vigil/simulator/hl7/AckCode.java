package org.vigil.simulator.hl7;

import java.util.Optional;

/**
 * MSA-1, folded over the two acknowledgement modes of HL7 v2 chapter 2: AA/CA accepted, AE/CE error,
 * AR/CR rejected.
 */
public enum AckCode {
    ACCEPT,
    ERROR,
    REJECT;

    public static Optional<AckCode> of(String msa1) {
        return switch (msa1.trim()) {
            case "AA", "CA" -> Optional.of(ACCEPT);
            case "AE", "CE" -> Optional.of(ERROR);
            case "AR", "CR" -> Optional.of(REJECT);
            default -> Optional.empty();
        };
    }
}
