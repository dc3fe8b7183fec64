package org.vigil.query.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Refuses every login of a user name, or from a source address, that failed too often lately, before its password
 * is even checked ({@link LoginProperties}): a password guesser gets a few tries per lockout, whether it tries many
 * passwords on one user name or one password on many. Failures are counted from the first one over a fixed window;
 * a success forgets the user name's failures. Both tables are bounded, so a flood of made-up user names cannot
 * grow the memory.
 */
@Component
class LoginThrottle {

    private static final int MAX_KEYS = 10_000;

    private final LoginProperties limits;
    private final Cache<String, AtomicInteger> failures;
    private final Cache<String, Boolean> locked;

    LoginThrottle(LoginProperties limits) {
        this.limits = limits;
        this.failures = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(limits.window()).build();
        this.locked = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(limits.lockout()).build();
    }

    /**
     * The first check of every login, before its password: {@link LockedException} for a locked user name or
     * address; otherwise nothing, and the login goes on to the password check.
     */
    AuthenticationProvider refuseLocked() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                refuseIfLocked(authentication);
                return null;
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    private void refuseIfLocked(Authentication authentication) {
        LoginAttempt attempt = LoginAttempt.of(authentication);
        if (locked.getIfPresent(userKey(attempt.user())) != null) {
            throw new LockedException("too many failed logins of " + attempt.user() + ": locked for "
                    + limits.lockout());
        }
        if (locked.getIfPresent(addressKey(attempt.address())) != null) {
            throw new LockedException("too many failed logins from " + attempt.address() + ": locked for "
                    + limits.lockout());
        }
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        LoginAttempt attempt = LoginAttempt.of(event.getAuthentication());
        count(userKey(attempt.user()), limits.maxFailuresPerUser());
        count(addressKey(attempt.address()), limits.maxFailuresPerAddress());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.invalidate(userKey(LoginAttempt.of(event.getAuthentication()).user()));
    }

    private void count(String key, int max) {
        if (failures.get(key, k -> new AtomicInteger()).incrementAndGet() >= max) {
            failures.invalidate(key);
            locked.put(key, Boolean.TRUE);
        }
    }

    private static String userKey(String user) {
        return "user:" + user.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
