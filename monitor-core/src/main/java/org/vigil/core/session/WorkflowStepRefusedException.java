package org.vigil.core.session;

/**
 * A workflow step the session's state or the protocol does not allow now: the message names the state and what is
 * allowed next, or the rule that refuses it (device spacing, minimum observation, discharge criteria). Nothing was
 * recorded.
 */
public class WorkflowStepRefusedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public WorkflowStepRefusedException(String message) {
        super(message);
    }
}
