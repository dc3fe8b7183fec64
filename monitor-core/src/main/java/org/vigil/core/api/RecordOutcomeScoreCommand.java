package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A clinician enters an outcome score for a session ({@link OutcomeScoreRecordedEvent} has the fields). */
public record RecordOutcomeScoreCommand(SessionId sessionId, OutcomeInstrument instrument, Integer score,
                                        Instant assessedAt, String user, Instant at) {

    /** The session's scores, apart from its own stream: {@code scores-<session id>}. */
    @TargetAggregateIdentifier
    public String scoresId() {
        return "scores-" + sessionId.value();
    }
}
