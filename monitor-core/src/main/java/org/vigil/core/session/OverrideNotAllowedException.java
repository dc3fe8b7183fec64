package org.vigil.core.session;

/** Someone tried to override an alarm that cannot be overridden: a hard limit, or not a drug-library limit. */
public class OverrideNotAllowedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public OverrideNotAllowedException(String message) {
        super(message);
    }
}
