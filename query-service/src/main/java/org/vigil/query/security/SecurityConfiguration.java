package org.vigil.query.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every page, API call and the live stream need a logged-in user; only health is open, for load balancers and
 * monitoring. API clients use HTTP Basic; screens log in with the station's own form ({@code GET /login}, written
 * with its CSRF token) and keep a session, protected against cross-site requests by a CSRF cookie that the page
 * echoes in a header. A request that carries no session cookie has no session to forge, so only the
 * authentication decides (and an anonymous one gets 401). Repeated failed logins lock the user name and the source
 * address for a while ({@link LoginThrottle}); every login is logged and audited ({@link LoginAudit}). Every answer
 * carries a content security policy without inline script, refuses framing, and over TLS tells the browser to use
 * only HTTPS from then on (HSTS).
 */
@Configuration
class SecurityConfiguration {

    private static final String NURSE = Role.NURSE.name();
    private static final String DIRECTOR = Role.DIRECTOR.name();
    private static final String ENGINEER = Role.ENGINEER.name();

    /**
     * Scripts, styles, images and connections from Vigil itself only: no inline script or handler runs, so an
     * injected tag cannot run code; no site may frame a page (click-jacking).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager logins, SessionReviewAccess sessionReviews)
            throws Exception {
        RequestMatcher noSessionToForge = request -> hasBasicCredentials(request)
                || request.getRequestedSessionId() == null && !"/login".equals(request.getServletPath());
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/login", "/error", "/css/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(ENGINEER, DIRECTOR)
                        .requestMatchers("/devices", "/devices.html").hasRole(ENGINEER)
                        .requestMatchers(HttpMethod.POST, "/api/devices/*/binding").hasRole(ENGINEER)
                        .requestMatchers("/api/devices/**").hasAnyRole(NURSE, DIRECTOR, ENGINEER)
                        .requestMatchers(HttpMethod.GET, "/api/station").hasAnyRole(NURSE, DIRECTOR, ENGINEER)
                        .requestMatchers("/api/read-models", "/api/read-models/**").hasRole(ENGINEER)
                        .requestMatchers(HttpMethod.GET, "/api/record/**").hasAnyRole(DIRECTOR, ENGINEER)
                        .requestMatchers(HttpMethod.GET, "/api/sessions/*/export.csv").hasAnyRole(DIRECTOR, ENGINEER)
                        .requestMatchers("/api/sessions/*/rems", "/api/sessions/*/fhir", "/api/sessions/*/report.pdf",
                                "/api/sessions/*/audit", "/api/rems", "/review/*/rems", "/api/patients/**",
                                "/review/patients/**").hasRole(DIRECTOR)
                        .requestMatchers(HttpMethod.POST, "/api/record/backup").hasRole(ENGINEER)
                        .requestMatchers(HttpMethod.POST, "/api/alarms/**").hasAnyRole(NURSE, DIRECTOR)
                        .requestMatchers(HttpMethod.POST, "/api/sessions/*/gate/override",
                                "/api/sessions/*/discharge/override", "/api/sessions/*/review").hasRole(DIRECTOR)
                        .requestMatchers(HttpMethod.GET, "/review/session.html").hasAnyRole(NURSE, DIRECTOR)
                        .requestMatchers(HttpMethod.GET, "/review/sessions.html").hasRole(DIRECTOR)
                        .requestMatchers(HttpMethod.GET, "/review/{sessionId}", "/api/sessions/{sessionId}/review")
                        .access((user, request) -> new AuthorizationDecision(
                                sessionReviews.mayRead(user.get(), request.getVariables().get("sessionId"))))
                        .requestMatchers("/review", "/review/**", "/api/review/**").hasRole(DIRECTOR)
                        .requestMatchers("/api/**").hasAnyRole(NURSE, DIRECTOR)
                        .anyRequest().authenticated())
                .authenticationManager(logins)
                .httpBasic(Customizer.withDefaults())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                        .failureHandler(loginFailures()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfCookie())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(noSessionToForge))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                request -> request.getRequestURI().startsWith("/api/")
                                        || request.getRequestURI().startsWith("/actuator/")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(Duration.ofDays(365).toSeconds())));
        return http.build();
    }

    /**
     * The passwords of {@link #users}, after {@link LoginThrottle} has refused the user names and addresses that
     * failed too often; every outcome is published for {@link LoginThrottle}, {@link LoginAudit} and the audit
     * event repository.
     */
    @Bean
    AuthenticationManager logins(UserDetailsService users, PasswordEncoder passwords, LoginThrottle throttle,
                                 AuthenticationEventPublisher outcomes) {
        DaoAuthenticationProvider checkPassword = new DaoAuthenticationProvider(users);
        checkPassword.setPasswordEncoder(passwords);
        ProviderManager manager = new ProviderManager(throttle.refuseLocked(), checkPassword);
        manager.setAuthenticationEventPublisher(outcomes);
        return manager;
    }

    /** Logins and failures kept in memory (the latest 1,000) for {@code /actuator/auditevents}. */
    @Bean
    AuditEventRepository auditEvents() {
        return new InMemoryAuditEventRepository();
    }

    /** A locked user name or address is told so on the login page; any other failure is "wrong credentials". */
    private static AuthenticationFailureHandler loginFailures() {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        return failures;
    }

    /**
     * The CSRF token in a cookie the page's script reads (not HttpOnly), never sent on a cross-site request, and
     * Secure when the request came over TLS.
     */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return repository;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Users from configuration only: no generated default user, none at all unless a clinic declares them. Outside
     * the demo profile every password must be a hash ({@link StoredPasswords}).
     */
    @Bean
    UserDetailsService users(UsersProperties properties, Environment environment) {
        if (!environment.matchesProfiles("demo")) {
            StoredPasswords.requireHashes(properties);
        }
        List<UserDetails> users = properties.users().stream()
                .map(user -> User.withUsername(user.name())
                        .password(user.password())
                        .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                        .build())
                .map(UserDetails.class::cast)
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    private static boolean hasBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
