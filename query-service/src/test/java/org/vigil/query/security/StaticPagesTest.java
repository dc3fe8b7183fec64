package org.vigil.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every page of the station as shipped (the static HTML files) runs under Vigil's content security policy: no
 * inline script, handler or style. The pages written by the server are checked where they are tested (login,
 * REMS form, patient series).
 */
class StaticPagesTest {

    private static final Path STATIC = Path.of("src", "main", "resources", "static");

    @Test
    void noStaticPageHasInlineScriptHandlerOrStyle() throws IOException {
        // given
        List<Path> pages;
        try (Stream<Path> files = Files.walk(STATIC)) {
            pages = files.filter(file -> file.toString().endsWith(".html")).toList();
        }

        // then
        assertThat(pages).as("the station's pages").hasSizeGreaterThanOrEqualTo(4);
        for (Path page : pages) {
            assertThat(InlineCode.in(Files.readString(page))).as("inline code in %s", page).isEmpty();
        }
    }

    @Test
    void findsInlineScriptHandlersAndStyles() {
        // then
        assertThat(InlineCode.in("<p><script src=\"/js/a.js\"></script><b class=\"once\">one=two</b></p>")).isEmpty();
        assertThat(InlineCode.in("<script>alert(1)</script>")).hasSize(1);
        assertThat(InlineCode.in("<button onclick=\"go()\">")).hasSize(1);
        assertThat(InlineCode.in("<a href=\"javascript:go()\">")).hasSize(1);
        assertThat(InlineCode.in("<style>b{}</style><p style=\"color:red\">")).hasSize(2);
    }
}
