package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An outcome score of a session's patient, as a clinician entered it: the scale, the total, when the patient was
 * assessed, who entered it and when. Stored beside the session's stream ({@code scores-<session id>}).
 */
@Revision("1")
public record OutcomeScoreRecordedEvent(SessionId sessionId, OutcomeInstrument instrument, int score,
                                        Instant assessedAt, String user, Instant at) {
}
