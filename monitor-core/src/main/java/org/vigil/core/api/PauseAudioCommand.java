package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A named user pauses the audible alarm signals of a chair for two minutes (IEC 60601-1-8 "audio paused";
 * docs/DOMAIN.md, "Alarm behaviour"). The alarms stay active and visible; escalation is not paused.
 */
public record PauseAudioCommand(@TargetAggregateIdentifier SessionId sessionId, String user, Instant at) {
}
