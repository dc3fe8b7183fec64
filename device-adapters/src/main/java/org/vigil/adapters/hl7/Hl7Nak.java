package org.vigil.adapters.hl7;

import java.time.Instant;
import java.util.Objects;
import org.vigil.adapters.hl7.wire.AckCode;

/**
 * A negative acknowledgement Vigil sent: AE (the sender may resend) or AR (it should not), the reason written in
 * ERR-8, and when it was sent by Vigil's clock.
 */
public record Hl7Nak(AckCode code, String reason, Instant at) {

    /** Longest reason kept; a reason may quote what the sender wrote, and a sender is not trusted to be brief. */
    public static final int MAX_REASON_LENGTH = 500;

    public Hl7Nak {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "" : reason.length() > MAX_REASON_LENGTH
                ? reason.substring(0, MAX_REASON_LENGTH - 1) + "…" : reason;
        if (code == AckCode.AA) {
            throw new IllegalArgumentException("AA is no negative acknowledgement");
        }
    }
}
