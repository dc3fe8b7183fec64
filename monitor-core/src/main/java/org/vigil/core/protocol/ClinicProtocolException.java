package org.vigil.core.protocol;

import java.util.List;

/** A clinic protocol file that cannot be used. The message names every key that is wrong and why. */
public class ClinicProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    ClinicProtocolException(String source, List<String> problems) {
        super("clinic protocol " + source + " is invalid:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    ClinicProtocolException(String source, String problem, Throwable cause) {
        super("clinic protocol " + source + " is invalid:\n  " + problem, cause);
        this.problems = List.of(problem);
    }

    /** Each problem as {@code key.path: what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
