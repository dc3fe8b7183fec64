package org.vigil.core.api;

import java.time.Instant;

/** A note someone wrote in a session. */
public record WorkflowNote(String text, String user, Instant at) {
}
