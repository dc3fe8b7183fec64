package org.vigil.core.api;

import java.time.Instant;

/** The patient arrived, checked in by a named user; the workflow runs under these rules from now on. */
public record PatientCheckedInEvent(SessionId sessionId, ChairId chairId, WorkflowRules rules, String user, Instant at)
        implements WorkflowEvent {
}
