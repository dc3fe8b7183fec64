package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The patient arrived, checked in by a named user; the workflow runs under these rules from now on. */
@Revision("1")
public record PatientCheckedInEvent(SessionId sessionId, ChairId chairId, WorkflowRules rules, String user, Instant at)
        implements WorkflowEvent {
}
