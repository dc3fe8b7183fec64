package org.vigil.simulator;

import java.time.Duration;
import java.time.Instant;

/** One PCD-01 message a monitor sends, due {@code at} after its start, observed at {@code observedAt}. */
record TimedMessage(Duration at, Instant observedAt, String controlId, String text, boolean cuffReading) {
}
