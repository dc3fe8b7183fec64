package org.vigil.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;
import org.vigil.query.RunningVigil;

/**
 * Who may call what: every endpoint of Vigil — REST, the live streams, the pages, actuator — for an anonymous
 * caller and for each role, from the one table below. {@code ok} is allowed (whatever the endpoint answers to a
 * made-up id, as long as it is not refused and not a server error), {@code 401} and {@code 403} are refused, and
 * {@code login} is a page that sends an anonymous browser to the login form. Every request mapping of the running
 * application must have a line, so a new endpoint cannot be added without deciding who may call it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    private static final String MATRIX = """
            # method | path                                         | anonymous | NURSE | DIRECTOR | ENGINEER
            GET  | /actuator/health                                  | ok    | ok  | ok  | ok
            GET  | /actuator/health/ping                             | ok    | ok  | ok  | ok
            GET  | /actuator                                         | 401   | 403 | ok  | ok
            GET  | /actuator/info                                    | 401   | 403 | ok  | ok
            GET  | /actuator/prometheus                              | 401   | 403 | ok  | ok
            GET  | /actuator/metrics                                 | 401   | 403 | ok  | ok
            GET  | /actuator/metrics/jvm.threads.live                | 401   | 403 | ok  | ok
            GET  | /actuator/auditevents                             | 401   | 403 | ok  | ok
            GET  | /login                                            | ok    | ok  | ok  | ok
            GET  | /css/station.css                                  | ok    | ok  | ok  | ok
            GET  | /favicon.ico                                      | ok    | ok  | ok  | ok
            GET  | /                                                 | login | ok  | ok  | ok
            GET  | /index.html                                       | login | ok  | ok  | ok
            GET  | /js/station.js                                    | login | ok  | ok  | ok
            GET  | /webjars/uplot/1.6.30/dist/uPlot.iife.min.js      | login | ok  | ok  | ok
            GET  | /devices                                          | login | 403 | 403 | ok
            GET  | /devices.html                                     | login | 403 | 403 | ok
            GET  | /review                                           | login | 403 | ok  | 403
            GET  | /review/sessions.html                             | login | 403 | ok  | 403
            GET  | /review/none                                      | login | 403 | ok  | 403
            GET  | /review/none/rems                                 | login | 403 | ok  | 403
            GET  | /review/patients/nobody                           | login | 403 | ok  | 403
            GET  | /api/stream                                       | 401   | ok  | ok  | 403
            GET  | /api/devices/stream                               | 401   | ok  | ok  | ok
            GET  | /api/station                                      | 401   | ok  | ok  | ok
            GET  | /api/protocol                                     | 401   | ok  | ok  | 403
            GET  | /api/chairs                                       | 401   | ok  | ok  | 403
            GET  | /api/chairs/chair-1/trends                        | 401   | ok  | ok  | 403
            GET  | /api/chairs/chair-1/audio-pause                   | 401   | ok  | ok  | 403
            POST | /api/chairs/chair-1/audio-pause                   | 401   | ok  | ok  | 403
            POST | /api/alarms/none/ack                              | 401   | ok  | ok  | 403
            POST | /api/alarms/none/resolve                          | 401   | ok  | ok  | 403
            POST | /api/alarms/none/override                         | 401   | ok  | ok  | 403
            GET  | /api/devices                                      | 401   | ok  | ok  | ok
            GET  | /api/devices/overview                             | 401   | ok  | ok  | ok
            POST | /api/devices/none/binding                         | 401   | 403 | 403 | ok
            GET  | /api/read-models                                  | 401   | 403 | 403 | ok
            GET  | /api/read-models/none                             | 401   | 403 | 403 | ok
            POST | /api/read-models/none/rebuild                     | 401   | 403 | 403 | ok
            POST | /api/record/backup                                | 401   | 403 | 403 | ok
            GET  | /api/record/verify                                | 401   | 403 | ok  | ok
            GET  | /api/bookings                                     | 401   | ok  | ok  | 403
            POST | /api/bookings                                     | 401   | ok  | ok  | 403
            POST | /api/bookings/2026-12-06/none/seat                | 401   | ok  | ok  | 403
            GET  | /api/record/sessions/none/events                  | 401   | 403 | ok  | ok
            GET  | /api/sessions                                     | 401   | ok  | ok  | 403
            POST | /api/sessions                                     | 401   | ok  | ok  | 403
            GET  | /api/sessions/none                                | 401   | ok  | ok  | 403
            GET  | /api/sessions/none/alarms                         | 401   | ok  | ok  | 403
            GET  | /api/sessions/none/timeline                       | 401   | ok  | ok  | 403
            GET  | /api/sessions/none/workflow                       | 401   | ok  | ok  | 403
            GET  | /api/sessions/none/panel                          | 401   | ok  | ok  | 403
            GET  | /api/sessions/none/scores                         | 401   | ok  | ok  | 403
            POST | /api/sessions/none/scores                         | 401   | ok  | ok  | 403
            POST | /api/sessions/none/prescription                   | 401   | ok  | ok  | 403
            POST | /api/sessions/none/check-in                       | 401   | ok  | ok  | 403
            POST | /api/sessions/none/pre-assessment                 | 401   | ok  | ok  | 403
            POST | /api/sessions/none/gate                           | 401   | ok  | ok  | 403
            POST | /api/sessions/none/gate/override                  | 401   | 403 | ok  | 403
            POST | /api/sessions/none/defer                          | 401   | ok  | ok  | 403
            POST | /api/sessions/none/dosing/start                   | 401   | ok  | ok  | 403
            POST | /api/sessions/none/esketamine-devices             | 401   | ok  | ok  | 403
            POST | /api/sessions/none/observation                    | 401   | ok  | ok  | 403
            POST | /api/sessions/none/discharge-assessment           | 401   | ok  | ok  | 403
            POST | /api/sessions/none/discharge                      | 401   | ok  | ok  | 403
            POST | /api/sessions/none/discharge/override             | 401   | 403 | ok  | 403
            POST | /api/sessions/none/documentation                  | 401   | ok  | ok  | 403
            POST | /api/sessions/none/escalate                       | 401   | ok  | ok  | 403
            POST | /api/sessions/none/escalation/resolve             | 401   | ok  | ok  | 403
            POST | /api/sessions/none/transfer                       | 401   | ok  | ok  | 403
            POST | /api/sessions/none/notes                          | 401   | ok  | ok  | 403
            POST | /api/sessions/none/review                         | 401   | 403 | ok  | 403
            GET  | /api/sessions/none/review                         | 401   | 403 | ok  | 403
            GET  | /api/review/sessions                              | 401   | 403 | ok  | 403
            GET  | /api/sessions/none/audit                          | 401   | 403 | ok  | 403
            GET  | /api/sessions/none/fhir                           | 401   | 403 | ok  | 403
            GET  | /api/sessions/none/report.pdf                     | 401   | 403 | ok  | 403
            GET  | /api/sessions/none/export.csv                     | 401   | 403 | ok  | ok
            GET  | /api/rems                                         | 401   | 403 | ok  | 403
            GET  | /api/sessions/none/rems                           | 401   | 403 | ok  | 403
            POST | /api/sessions/none/rems                           | 401   | 403 | ok  | 403
            GET  | /api/patients/nobody/series                       | 401   | 403 | ok  | 403
            """;

    /** The callers of the table's columns, in order: {@code null} is anonymous. */
    private static final List<String> CALLERS = Arrays.asList(null, "nurse", "director", "engineer");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;

    private RunningVigil vigil;

    @BeforeAll
    void start() {
        // the engineer's backup goes to the test's directory, not to the working directory
        vigil = RunningVigil.startWith(data, List.of("--vigil.backup-dir=" + data.resolve("backups")));
    }

    @AfterAll
    void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    record Line(String method, String path, List<String> expected) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Line> matrix() {
        return MATRIX.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            return new Line(cells[0], cells[1], List.of(cells[2], cells[3], cells[4], cells[5]));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void answersEachCallerAsTheMatrixSays(Line line) {
        for (int i = 0; i < CALLERS.size(); i++) {
            String caller = CALLERS.get(i) == null ? "anonymous" : CALLERS.get(i);
            Answer answer = call(line.method(), line.path(), CALLERS.get(i));
            String expected = line.expected().get(i);
            switch (expected) {
                case "ok" -> assertThat(answer.status())
                        .as("%s %s as %s: allowed, so neither refused nor a server error", line.method(),
                                line.path(), caller)
                        .isNotIn(401, 403).isLessThan(500)
                        .satisfies(status -> assertThat(answer.location()).as("redirect of %s", line)
                                .doesNotContain("/login"));
                case "login" -> {
                    assertThat(answer.status()).as("%s %s as %s", line.method(), line.path(), caller)
                            .isEqualTo(302);
                    assertThat(answer.location()).endsWith("/login");
                }
                default -> assertThat(answer.status()).as("%s %s as %s", line.method(), line.path(), caller)
                        .isEqualTo(Integer.parseInt(expected));
            }
        }
    }

    @Test
    void everyRequestMappingHasALineInTheMatrix() {
        // given every mapping of the controllers and of actuator
        List<String> unlisted = new ArrayList<>();
        List<Line> lines = matrix().toList();
        vigil.context().getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> unlisted.addAll(unlisted(info, lines))));

        // then
        assertThat(unlisted).as("request mappings with no line in the access matrix").isEmpty();
    }

    @Test
    void refusesACookieSessionPostWithoutItsCsrfToken() {
        // given a nurse logged in with the login form, as the station's screens are
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = send(browser, HttpRequest.newBuilder(vigil.uri("/login")).GET()).body();
        Matcher hidden = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(hidden.find()).as("the login form's CSRF token").isTrue();
        HttpResponse<String> login = send(browser, HttpRequest.newBuilder(vigil.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=nurse&password=demo&_csrf=" + hidden.group(1))));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Strict"));

        // when the session POSTs without the token, and with it
        HttpResponse<String> withoutToken = send(browser, HttpRequest.newBuilder(vigil.uri("/api/alarms/none/ack"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> withToken = send(browser, HttpRequest.newBuilder(vigil.uri("/api/alarms/none/ack"))
                .header("X-XSRF-TOKEN", cookie(browser, "XSRF-TOKEN")).POST(HttpRequest.BodyPublishers.noBody()));

        // then the first is refused; the second reaches the alarms, which have no alarm "none"
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withToken.statusCode()).isEqualTo(404);
        assertThat(withToken.body()).contains("no active alarm none");
    }

    @Test
    void answersWithTheSecurityHeadersAndNoHstsOverPlainHttp() {
        // when
        HttpResponse<String> page = send(HTTP, HttpRequest.newBuilder(vigil.uri("/"))
                .header("Authorization", RunningVigil.basic("nurse")).GET());
        HttpResponse<String> login = send(HTTP, HttpRequest.newBuilder(vigil.uri("/login")).GET());

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("HSTS over plain HTTP").isEmpty();
        assertThat(InlineCode.in(login.body())).as("inline code in the login page").isEmpty();
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("XSRF-TOKEN=").contains("SameSite=Strict"));
    }

    @Test
    void showsHealthDetailsOnlyToEngineersAndDirectors() {
        // when
        JsonNode anonymous = RunningVigil.json(vigil.send("GET", "/actuator/health", null, null).body());
        JsonNode nurse = RunningVigil.json(vigil.send("GET", "/actuator/health", "nurse", null).body());
        JsonNode engineer = RunningVigil.json(vigil.send("GET", "/actuator/health", "engineer", null).body());

        // then
        assertThat(anonymous.path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).as("components shown to an anonymous caller").isFalse();
        assertThat(nurse.has("components")).as("components shown to a nurse").isFalse();
        assertThat(engineer.path("components").path("db").path("details").has("database")).isTrue();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cookie(HttpClient client, String name) {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    private static List<String> unlisted(RequestMappingInfo info, List<Line> lines) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<String> missing = new ArrayList<>();
        for (String pattern : info.getPatternValues()) {
            if (pattern.equals("/error")) {
                continue; // Spring Boot's error page, the forward of an error: nothing to call directly
            }
            var parsed = PathPatternParser.defaultInstance.parse(pattern);
            boolean listed = lines.stream().anyMatch(line -> (methods.isEmpty()
                    || methods.contains(RequestMethod.valueOf(line.method())))
                    && parsed.matches(PathContainer.parsePath(line.path())));
            if (!listed) {
                missing.add(methods + " " + pattern);
            }
        }
        return missing;
    }

    record Answer(int status, String location) {
    }

    /**
     * One request as {@code user} with Basic credentials, or anonymous; a path under {@code /api} or
     * {@code /actuator} asked as an API client does, any other as a browser does. The body is not read: a stream
     * is closed once its status is known.
     */
    private Answer call(String method, String path, String user) {
        boolean api = path.startsWith("/api/") || path.startsWith("/actuator");
        HttpRequest.Builder request = HttpRequest.newBuilder(vigil.uri(path))
                .header("Accept", api ? "*/*" : "text/html")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header("Authorization", RunningVigil.basic(user));
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
