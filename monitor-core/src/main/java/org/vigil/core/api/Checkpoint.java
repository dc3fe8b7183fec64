package org.vigil.core.api;

import java.time.Instant;

/** A timed step the protocol requires, such as a REMS blood-pressure check, and when it is due. */
public record Checkpoint(String label, Instant dueAt) {
}
