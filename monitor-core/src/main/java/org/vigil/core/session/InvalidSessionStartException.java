package org.vigil.core.session;

/** A session cannot start with what was given, for example without a positive weight to compute a dose from. */
public class InvalidSessionStartException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSessionStartException(String message) {
        super(message);
    }
}
