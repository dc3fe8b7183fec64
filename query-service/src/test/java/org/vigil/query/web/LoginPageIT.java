package org.vigil.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station's own login page at {@code /login}, in a browser with JavaScript switched off: open to anyone, in
 * the station's colours, carrying its CSRF token in the form; a wrong password says so, the right one opens the
 * station; every other page and the API still ask for a login.
 */
class LoginPageIT {

    @TempDir
    static Path data;

    private static RunningStation vigil;
    private static Chromium chromium;

    @BeforeAll
    static void start() {
        vigil = RunningStation.start(data, 1);
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        try {
            chromium.close();
        } finally {
            vigil.close();
        }
    }

    @Test
    void anAnonymousVisitorGetsTheStationLoginFormWithItsCsrfTokenAndNothingElse() {
        // when
        HttpResponse<String> login = vigil.browse("/login");
        HttpResponse<String> station = vigil.browse("/");
        HttpResponse<String> script = vigil.browse("/js/station.js");
        HttpResponse<String> chairs = vigil.send("/api/chairs", null);
        HttpResponse<String> stylesheet = vigil.browse("/css/login.css");

        // then
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(login.body()).contains("<form method=\"post\" action=\"/login\">", "name=\"username\"",
                "name=\"password\"", "<input type=\"hidden\" name=\"_csrf\" value=\"");
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(station.statusCode()).isEqualTo(302);
        assertThat(station.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login"));
        assertThat(script.statusCode()).as("the station's code needs a login too").isEqualTo(302);
        assertThat(chairs.statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsToldAndTheRightOneOpensTheStationWithoutJavaScript() {
        // given
        Page page = chromium.newPageWithoutScripts(1280, 800);
        page.navigate(vigil.baseUrl() + "/");
        assertThat(page.url()).endsWith("/login");
        assertThat(page.title()).isEqualTo("Vigil — log in");
        assertThat(page.locator("h1").textContent()).isEqualTo("Vigil station");
        assertThat(page.locator(".notice").count()).isZero();
        assertThat(page.locator("body").evaluate("b => getComputedStyle(b).backgroundColor"))
                .as("the station's dark background").isEqualTo("rgb(11, 15, 20)");

        // when
        page.fill("#username", "nurse");
        page.fill("#password", "not-the-password");
        page.click("button[type=submit]");

        // then
        assertThat(page.url()).endsWith("/login?error");
        assertThat(page.locator(".notice[role=alert]").textContent()).isEqualTo("Wrong user name or password.");
        Chromium.screenshot(page, "10-login-wrong-password");

        // when
        page.fill("#username", "nurse");
        page.fill("#password", "demo");
        page.click("button[type=submit]");

        // then
        assertThat(page.url()).startsWith(vigil.baseUrl() + "/").doesNotContain("login");
        assertThat(page.title()).isEqualTo("Vigil — station");
        page.context().close();
    }

    @Test
    void aLoggedOutUserIsToldSo() {
        // given
        Page page = chromium.newPageWithoutScripts(1280, 800);

        // when
        page.navigate(vigil.baseUrl() + "/login?logout");

        // then
        assertThat(page.locator(".notice[role=status]").textContent()).isEqualTo("You are logged out.");
        assertThat(page.locator("#username").isVisible()).isTrue();
        page.context().close();
    }
}
