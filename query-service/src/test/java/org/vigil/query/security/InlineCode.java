package org.vigil.query.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a page the content security policy ({@code script-src 'self'; style-src 'self'}) would block: inline
 * {@code <script>} and {@code <style>} elements, inline event handlers ({@code onclick=…}), {@code style}
 * attributes and {@code javascript:} links. A page that has none works as written under the policy.
 */
public final class InlineCode {

    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("(?i)<script(?![^>]*\\bsrc\\s*=)[^>]*>");
    private static final Pattern HANDLER = Pattern.compile("(?i)\\son[a-z]+\\s*=");
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("(?i)\\sstyle\\s*=");

    private InlineCode() {
    }

    /** Each piece of inline code in {@code html}, as found; empty when there is none. */
    public static List<String> in(String html) {
        List<String> found = new ArrayList<>();
        Matcher script = INLINE_SCRIPT.matcher(html);
        while (script.find()) {
            found.add(script.group());
        }
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String text = tag.group();
            if (HANDLER.matcher(text).find() || STYLE_ATTRIBUTE.matcher(text).find()
                    || text.toLowerCase().contains("javascript:") || text.toLowerCase().startsWith("<style")) {
                found.add(text);
            }
        }
        return found;
    }
}
