package org.vigil.adapters.ingest;

import java.util.Objects;

/**
 * What a {@link SenderFence} made of a report.
 *
 * @param kind   admitted, quarantined and acknowledged as received, or quarantined and refused
 * @param reason why it was kept out, for the quarantine record and the sender's negative acknowledgement; never
 *               the message's content; empty when admitted
 */
public record FenceVerdict(Kind kind, String reason) {

    /** What becomes of the report, and what the sender is told. */
    public enum Kind {
        /** Recorded as usual. */
        ADMIT,
        /** Quarantined; the sender is told it was received (HL7 {@code AA}) so it does not resend. */
        QUARANTINE,
        /** Quarantined; the sender is told it was refused (HL7 {@code AR}). */
        REFUSE
    }

    private static final FenceVerdict ADMITTED = new FenceVerdict(Kind.ADMIT, "");

    public FenceVerdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    public static FenceVerdict admit() {
        return ADMITTED;
    }

    public static FenceVerdict quarantine(String reason) {
        return new FenceVerdict(Kind.QUARANTINE, reason);
    }

    public static FenceVerdict refuse(String reason) {
        return new FenceVerdict(Kind.REFUSE, reason);
    }

    public boolean admitted() {
        return kind == Kind.ADMIT;
    }
}
