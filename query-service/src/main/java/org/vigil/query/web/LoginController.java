package org.vigil.query.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /login}: the station's own login form, written on the server with the CSRF token in a hidden
 * {@code _csrf} field, so it works in a browser without JavaScript. It posts {@code username} and
 * {@code password} to {@code /login}, which Spring Security's form login handles; a failed login comes back as
 * {@code ?error}, a login refused after too many failures as {@code ?locked}, a logout as {@code ?logout}.
 */
@RestController
class LoginController {

    static final String WRONG_CREDENTIALS = "Wrong user name or password.";
    static final String LOGGED_OUT = "You are logged out.";
    static final String LOCKED = "Too many failed logins: logging in is locked for a while. Try again later.";

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> login(CsrfToken csrf, @RequestParam(required = false) String error,
                                 @RequestParam(required = false) String logout,
                                 @RequestParam(required = false) String locked) {
        String notice = error != null ? notice("error", WRONG_CREDENTIALS)
                : locked != null ? notice("error", LOCKED)
                : logout != null ? notice("info", LOGGED_OUT) : "";
        String page = PAGE.replace("{notice}", notice)
                .replace("{csrfName}", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{csrfToken}", HtmlUtils.htmlEscape(csrf.getToken()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML)
                .body(page);
    }

    private static String notice(String kind, String text) {
        return "<p class=\"notice notice--" + kind + "\" role=\"" + ("error".equals(kind) ? "alert" : "status")
                + "\">" + HtmlUtils.htmlEscape(text) + "</p>";
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Vigil — log in</title>
              <link rel="stylesheet" href="/css/login.css">
            </head>
            <body>
              <main class="login">
                <h1 class="brand">Vigil <span>station</span></h1>
                {notice}
                <form method="post" action="/login">
                  <label for="username">User name</label>
                  <input id="username" name="username" autocomplete="username" autocapitalize="none" required autofocus>
                  <label for="password">Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <input type="hidden" name="{csrfName}" value="{csrfToken}">
                  <button type="submit">Log in</button>
                </form>
              </main>
            </body>
            </html>
            """;
}
