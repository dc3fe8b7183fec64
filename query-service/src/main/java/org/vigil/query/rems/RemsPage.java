package org.vigil.query.rems;

import java.time.Instant;
import org.springframework.web.util.HtmlUtils;
import org.vigil.core.api.RemsFieldView;
import org.vigil.core.api.RemsFormView;

/**
 * The REMS form as a page a director prints or saves as PDF to send: one row per field with its answer, where the
 * answer came from, and every missing field marked. Times are UTC, as stored. Its style and its print button's
 * script are files of their own: the content security policy runs no inline script.
 */
final class RemsPage {

    private RemsPage() {
    }

    static String html(RemsFormView form) {
        StringBuilder page = new StringBuilder(4096);
        page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>REMS Patient Monitoring Form, session ").append(escape(form.sessionId().value()))
                .append("</title><link rel=\"stylesheet\" href=\"/css/rems.css\">")
                .append("<script src=\"/js/print.js\" defer></script></head><body>")
                .append("<h1>Esketamine REMS Patient Monitoring Form</h1>")
                .append("<p>Patient <b>").append(escape(form.patientPseudonym())).append("</b>, chair ")
                .append(escape(form.chairId() == null ? null : form.chairId().value())).append(", session ")
                .append(escape(form.sessionId().value())).append(". Send by ").append(time(form.sendBy()))
                .append(".</p><p id=\"status\">").append(form.complete() ? "Complete."
                        : "<span class=\"flag\">" + form.missing().size() + " field(s) missing.</span>")
                .append("</p><table><thead><tr><th>Field</th><th>Answer</th><th>Time</th><th>From</th>")
                .append("<th>Note</th></tr></thead><tbody>");
        for (RemsFieldView field : form.fields()) {
            page.append(field.missing() ? "<tr class=\"missing\">" : "<tr>")
                    .append("<td>").append(escape(field.label())).append("</td><td>")
                    .append(field.missing() ? "<span class=\"flag\">MISSING</span>" : escape(field.value()))
                    .append("</td><td>").append(time(field.at())).append("</td><td>").append(source(field))
                    .append("</td><td>").append(escape(field.note())).append("</td></tr>");
        }
        return page.append("</tbody></table><p><button type=\"button\" data-print>Print</button></p>")
                .append("</body></html>").toString();
    }

    private static String source(RemsFieldView field) {
        if (RemsForm.COMPLETED.equals(field.source())) {
            return "completed by " + escape(field.completedBy()) + " at " + time(field.completedAt());
        }
        return RemsForm.RECORD.equals(field.source()) ? "session record" : "";
    }

    private static String time(Instant at) {
        return at == null ? "" : at.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
