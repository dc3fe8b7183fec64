package org.vigil.query.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Who tried to log in and from where, as safe to keep and to log: the user name as typed, cut to 64 characters
 * and without control characters (a forged name cannot write lines of its own into the log), and the source
 * address the connection came from. Never the password.
 */
record LoginAttempt(String user, String address) {

    private static final int MAX_NAME = 64;

    static LoginAttempt of(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        return new LoginAttempt(printable(authentication.getName()), address);
    }

    private static String printable(String name) {
        String cut = name == null ? "" : name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
