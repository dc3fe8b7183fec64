package org.vigil.core.session;

/** A workflow command with a value missing or wrong, such as an override without a reason. Nothing was recorded. */
public class InvalidWorkflowCommandException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidWorkflowCommandException(String message) {
        super(message);
    }
}
