package org.vigil.simulator.hl7;

/**
 * A receiver's answer to one message: MSA-1 as sent ({@code rawCode}) and folded ({@code code}), MSA-2 (the
 * control id it acknowledges) and, for a NAK, the reason the receiver gave (MSA-3 and the ERR segments'
 * error code text, diagnostic and user message); empty when none was given.
 */
public record Acknowledgement(AckCode code, String rawCode, String controlId, String reason) {

    public boolean isAccepted() {
        return code == AckCode.ACCEPT;
    }
}
