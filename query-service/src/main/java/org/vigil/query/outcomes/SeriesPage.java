package org.vigil.query.outcomes;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;
import org.vigil.core.api.PatientSessionView;

/**
 * A patient's series as a page: one row per session in order, with the dose, the peak pressures and the scores,
 * so the trends across a course read down the columns. Times UTC.
 */
final class SeriesPage {

    private SeriesPage() {
    }

    static String html(String pseudonym, List<PatientSessionView> series) {
        StringBuilder page = new StringBuilder(2048)
                .append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Patient ")
                .append(escape(pseudonym)).append("</title><link rel=\"stylesheet\" href=\"/css/series.css\">")
                .append("</head><body><h1>Patient ").append(escape(pseudonym)).append("</h1><table><thead><tr>")
                .append("<th>#</th><th>Session start</th><th>Treatment</th><th>Dose delivered (mg)</th>")
                .append("<th>Peak SBP</th><th>Peak DBP</th><th>Scores</th></tr></thead><tbody>");
        for (int i = 0; i < series.size(); i++) {
            PatientSessionView s = series.get(i);
            page.append("<tr><td>").append(i + 1).append("</td><td><a href=\"/review/")
                    .append(escape(s.sessionId().value())).append("\">").append(s.startedAt()).append("</a></td><td>")
                    .append(s.treatment()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", s.deliveredMg())).append("</td><td>")
                    .append(s.peakSystolic() == null ? "" : s.peakSystolic()).append("</td><td>")
                    .append(s.peakDiastolic() == null ? "" : s.peakDiastolic()).append("</td><td>")
                    .append(escape(s.scores().stream().map(score -> score.instrument() + " " + score.score())
                            .collect(Collectors.joining(", ")))).append("</td></tr>");
        }
        return page.append("</tbody></table></body></html>").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
