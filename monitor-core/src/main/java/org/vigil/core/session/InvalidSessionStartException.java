package org.vigil.core.session;

/** A session cannot start with what was given, for example without a positive weight to compute a dose from. */
public class InvalidSessionStartException extends IllegalArgumentException {

    public InvalidSessionStartException(String message) {
        super(message);
    }
}
