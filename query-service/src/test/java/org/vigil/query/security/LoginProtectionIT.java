package org.vigil.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.vigil.query.RunningVigil;

/**
 * A password guesser is slowed to a few tries per lockout: five wrong passwords lock the user name (the right
 * password is refused too, and the login page says so), more failures from one address lock the address for every
 * user, and both locks end after their time. Every login and failure is logged and kept as an audit event, never
 * with the password. A plain-text password stops the start-up outside the demo profile, and is accepted in it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginProtectionIT {

    private static final String WRONG = "not-the-password-4711";

    @TempDir
    Path data;

    @Test
    void locksAUserNameThenTheAddressAfterRepeatedFailuresAndAuditsEveryLogin(CapturedOutput output) {
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.addAll(List.of(RunningVigil.dataDirectory(data), "--spring.profiles.active=demo",
                "--vigil.users[0].name=nurse", "--vigil.users[0].password={noop}demo", "--vigil.users[0].roles=NURSE",
                "--vigil.users[1].name=director", "--vigil.users[1].password={noop}demo",
                "--vigil.users[1].roles=DIRECTOR",
                "--vigil.security.login.max-failures-per-address=8", "--vigil.security.login.lockout=3s"));
        try (RunningVigil vigil = RunningVigil.launch(arguments, builder -> { })) {
            // when the nurse's password is guessed five times
            for (int i = 0; i < 5; i++) {
                assertThat(get(vigil, "nurse", WRONG)).isEqualTo(401);
            }

            // then the nurse is locked, even with the right password, on the API and on the login form
            assertThat(get(vigil, "nurse", "demo")).isEqualTo(401);
            HttpResponse<String> form = formLogin(vigil, "nurse", "demo");
            assertThat(form.headers().firstValue("Location")).hasValueSatisfying(to ->
                    assertThat(to).endsWith("/login?locked"));
            assertThat(send(vigil, HttpRequest.newBuilder(vigil.uri("/login?locked")).GET()).body())
                    .contains("Too many failed logins");
            assertThat(get(vigil, "director", "demo")).as("another user from the same address").isEqualTo(200);

            // and every login and failure is audited and logged without the password
            List<AuditEvent> audit = vigil.context().getBean(AuditEventRepository.class).find(null, null, null);
            assertThat(audit).filteredOn(event -> event.getPrincipal().equals("nurse")
                    && event.getType().equals("AUTHENTICATION_FAILURE")).hasSizeGreaterThanOrEqualTo(7);
            assertThat(audit).anySatisfy(event -> {
                assertThat(event.getPrincipal()).isEqualTo("director");
                assertThat(event.getType()).isEqualTo("AUTHENTICATION_SUCCESS");
            });
            assertThat(output.getOut()).contains("login refused: user nurse from 127.0.0.1: BadCredentialsException",
                    "login refused: user nurse from 127.0.0.1: LockedException",
                    "login accepted: user director from 127.0.0.1").doesNotContain(WRONG);

            // when three more names are guessed from the same address
            for (int i = 0; i < 3; i++) {
                assertThat(get(vigil, "guess-" + i, WRONG)).isEqualTo(401);
            }

            // then the address is locked for every user, until the lockout ends
            assertThat(get(vigil, "director", "demo")).as("the director from a locked address").isEqualTo(401);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(get(vigil, "director", "demo")).isEqualTo(200);
                assertThat(get(vigil, "nurse", "demo")).isEqualTo(200);
            });
        }
    }

    @Test
    void refusesToStartWithAPlainTextPasswordOutsideTheDemoProfile() {
        // given
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.addAll(List.of(RunningVigil.dataDirectory(data),
                "--vigil.users[0].name=nurse", "--vigil.users[0].password=" + RunningVigil.DEMO_PASSWORD_HASH,
                "--vigil.users[0].roles=NURSE",
                "--vigil.users[1].name=anna", "--vigil.users[1].password={noop}secret", "--vigil.users[1].roles=NURSE"));

        // when / then
        assertThatThrownBy(() -> RunningVigil.launch(arguments, builder -> { }).close())
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vigil.users[1] (anna) has a plain-text {noop} password")
                .hasMessageContaining("{bcrypt}")
                .hasMessageNotContaining("secret");
    }

    private static int get(RunningVigil vigil, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(vigil, HttpRequest.newBuilder(vigil.uri("/api/chairs")).header("Authorization", "Basic " + basic)
                .GET()).statusCode();
    }

    /** The login form posted as a browser does, with the token of a fresh form. */
    private static HttpResponse<String> formLogin(RunningVigil vigil, String user, String password) {
        HttpResponse<String> form = send(vigil, HttpRequest.newBuilder(vigil.uri("/login")).GET());
        String token = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return send(vigil, HttpRequest.newBuilder(vigil.uri("/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password
                        + "&_csrf=" + token)));
    }

    private static HttpResponse<String> send(RunningVigil vigil, HttpRequest.Builder request) {
        return vigil.exchange(request.build());
    }
}
