package org.vigil.query.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * A log line for every login, accepted or refused, with the user name, the source address and, for a refusal, why
 * (wrong credentials, locked): never the password. The same logins are kept as audit events
 * ({@code AUTHENTICATION_SUCCESS}, {@code AUTHENTICATION_FAILURE}) in the audit event repository, which
 * {@code /actuator/auditevents} shows to engineers and directors.
 */
@Component
class LoginAudit {

    private static final Logger LOG = LoggerFactory.getLogger(LoginAudit.class);

    @EventListener
    void accepted(AuthenticationSuccessEvent event) {
        LoginAttempt attempt = LoginAttempt.of(event.getAuthentication());
        LOG.info("login accepted: user {} from {}", attempt.user(), attempt.address());
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        LoginAttempt attempt = LoginAttempt.of(event.getAuthentication());
        LOG.warn("login refused: user {} from {}: {}", attempt.user(), attempt.address(),
                event.getException().getClass().getSimpleName());
    }
}
