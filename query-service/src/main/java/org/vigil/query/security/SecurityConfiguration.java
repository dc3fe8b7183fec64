package org.vigil.query.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
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
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every page, API call and the live stream need a logged-in user; only health is open, for load balancers and
 * monitoring. API clients use HTTP Basic; screens log in with the station's own form ({@code GET /login}, written
 * with its CSRF token) and keep a session, protected against cross-site requests by a CSRF cookie that the page
 * echoes in a header. A request that carries no session cookie has no session to forge, so only the
 * authentication decides (and an anonymous one gets 401).
 */
@Configuration
class SecurityConfiguration {

    private static final String NURSE = Role.NURSE.name();
    private static final String DIRECTOR = Role.DIRECTOR.name();
    private static final String ENGINEER = Role.ENGINEER.name();

    @Bean
    SecurityFilterChain api(HttpSecurity http, SessionReviewAccess sessionReviews) throws Exception {
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
                .httpBasic(Customizer.withDefaults())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(noSessionToForge))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                request -> request.getRequestURI().startsWith("/api/")
                                        || request.getRequestURI().startsWith("/actuator/")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Users from configuration only: no generated default user, none at all unless a clinic declares them. */
    @Bean
    UserDetailsService users(UsersProperties properties) {
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
