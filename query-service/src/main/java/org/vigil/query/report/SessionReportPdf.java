package org.vigil.query.report;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Treatment;
import org.vigil.query.sessionrecord.SessionRecord;
import org.vigil.query.sessionrecord.SessionRecord.Reading;

/**
 * A session's review on one A4 page, made with OpenPDF: who and when, the summary figures ({@link SummaryFigures})
 * and the vitals chart ({@link VitalsChart}). Times are UTC, as stored; doses in mg and mg/kg.
 */
final class SessionReportPdf {

    private static final float CHART_LEFT = 70;
    private static final float CHART_BOTTOM = 80;
    private static final float CHART_HEIGHT = 400;

    private SessionReportPdf() {
    }

    static void write(SessionRecord record, OutputStream out) throws IOException {
        SummaryFigures figures = SummaryFigures.of(record);
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        SessionStartedEvent started = record.started();
        document.addTitle("Session review " + started.sessionId());
        document.open();
        document.add(new Paragraph("Session review", FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16)));
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 9);
        document.add(new Paragraph("Session " + started.sessionId() + ", patient " + started.patientPseudonym()
                + ", chair " + started.chairId() + ", " + started.treatment() + ", " + number(started.weightKg(), 1)
                + " kg" + (started.protocol() == null ? "" : ", protocol " + started.protocol().name() + " "
                + started.protocol().version()), small));
        document.add(new Paragraph("From " + started.startedAt() + " to " + (record.endedAt() == null ? "(running)"
                : record.endedAt() + " (" + record.endReason() + ")") + ". Times UTC.", small));
        PdfPTable table = new PdfPTable(new float[] {1, 3});
        table.setWidthPercentage(100);
        table.setSpacingBefore(10);
        Font cell = FontFactory.getFont(FontFactory.HELVETICA, 10);
        dose(figures).forEach((label, value) -> row(table, label, value, cell));
        row(table, "Peak SBP", peak(figures.peakSystolic()), cell);
        row(table, "Peak DBP", peak(figures.peakDiastolic()), cell);
        row(table, "Alarms", "HIGH " + figures.alarmsPerPriority().get(AlarmPriority.HIGH) + ", MEDIUM "
                + figures.alarmsPerPriority().get(AlarmPriority.MEDIUM) + ", LOW "
                + figures.alarmsPerPriority().get(AlarmPriority.LOW), cell);
        row(table, "Time to acknowledge", figures.medianToAcknowledge().map(m -> "median " + seconds(m)
                + ", worst " + seconds(figures.worstToAcknowledge().orElseThrow())).orElse("none acknowledged")
                + "; " + figures.unacknowledged() + " unacknowledged", cell);
        row(table, "Escalations", String.valueOf(figures.escalations()), cell);
        row(table, "Observation time", figures.observed().map(d -> d.toMinutes() + " min from the dose start to "
                + (record.dischargedAt() != null ? "discharge" : "the end of the session")).orElse("not known"),
                cell);
        document.add(table);
        BaseFont font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        VitalsChart.draw(record, writer.getDirectContent(), font, CHART_LEFT, CHART_BOTTOM,
                PageSize.A4.getWidth() - CHART_LEFT - 50, CHART_HEIGHT);
        document.close();
    }

    private static Map<String, String> dose(SummaryFigures figures) {
        Map<String, String> rows = new LinkedHashMap<>();
        double kg = figures.weightKg();
        if (figures.treatment() == Treatment.ESKETAMINE) {
            rows.put("Dose given", figures.esketamineDevices() + " esketamine device(s), "
                    + number(figures.deliveredMg(), 0) + " mg");
            return rows;
        }
        rows.put("Dose prescribed", figures.prescribedMg().map(mg -> number(mg, 1) + " mg (" + number(mg / kg, 2)
                + " mg/kg)").orElse("no prescription recorded"));
        rows.put("Dose delivered", number(figures.deliveredMg(), 1) + " mg (" + number(figures.deliveredMg() / kg, 2)
                + " mg/kg)");
        figures.prescribedMg().ifPresent(mg -> {
            double difference = figures.deliveredMg() - mg;
            rows.put("Difference", signed(difference, 1) + " mg (" + signed(100 * difference / mg, 1) + " %)");
        });
        return rows;
    }

    private static void row(PdfPTable table, String label, String value, Font font) {
        table.addCell(new Paragraph(label, font));
        table.addCell(new Paragraph(value, font));
    }

    private static String peak(Optional<Reading> reading) {
        return reading.map(r -> number(r.value(), 0) + " mmHg at " + r.at()).orElse("no blood pressure recorded");
    }

    private static String seconds(Duration duration) {
        return number(duration.toMillis() / 1000.0, 1) + " s";
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String signed(double value, int decimals) {
        return (value >= 0 ? "+" : "") + number(value, decimals);
    }
}
