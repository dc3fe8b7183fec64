package org.vigil.core.session;

/** A prescription cannot be recorded with what was given: the message names every value that is wrong. */
public class InvalidPrescriptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidPrescriptionException(String message) {
        super(message);
    }
}
