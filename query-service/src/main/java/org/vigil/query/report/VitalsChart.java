package org.vigil.query.report;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.Vital;
import org.vigil.query.sessionrecord.SessionRecord;
import org.vigil.query.sessionrecord.SessionRecord.Alarm;
import org.vigil.query.sessionrecord.SessionRecord.Reading;

/**
 * The session's vitals drawn on a PDF page: systolic and diastolic NIBP as points joined by lines, heart rate
 * (first value of each minute), the baseline pressures dashed, and each alarm as a band from its raise to its end
 * (red HIGH, amber MEDIUM, cyan LOW, as on the station). Minutes run from the session's start.
 */
final class VitalsChart {

    private static final float MAX_VALUE = 220;
    private static final Color SYSTOLIC = new Color(0xC0, 0x1C, 0x28);
    private static final Color DIASTOLIC = new Color(0x1A, 0x5F, 0xB4);
    private static final Color HEART_RATE = new Color(0x26, 0xA2, 0x69);
    private static final Color GRID = new Color(0xD0, 0xD0, 0xD0);

    private final SessionRecord record;
    private final PdfContentByte canvas;
    private final BaseFont font;
    private final float left;
    private final float bottom;
    private final float width;
    private final float height;
    private final Instant start;
    private final long spanSeconds;

    private VitalsChart(SessionRecord record, PdfContentByte canvas, BaseFont font, float left, float bottom,
                        float width, float height) {
        this.record = record;
        this.canvas = canvas;
        this.font = font;
        this.left = left;
        this.bottom = bottom;
        this.width = width;
        this.height = height;
        this.start = record.started().startedAt();
        Instant end = record.endedAt() != null ? record.endedAt() : record.readings().stream().map(Reading::at)
                .max(Instant::compareTo).orElse(start.plusSeconds(60));
        this.spanSeconds = Math.max(60, Duration.between(start, end).getSeconds());
    }

    /** Draws the chart in the box whose lower left corner is ({@code left}, {@code bottom}). */
    static void draw(SessionRecord record, PdfContentByte canvas, BaseFont font, float left, float bottom,
                     float width, float height) {
        new VitalsChart(record, canvas, font, left, bottom, width, height).draw();
    }

    private void draw() {
        alarms();
        grid();
        baseline();
        List<Reading> readings = record.readings();
        series(readings.stream().filter(r -> r.vital() == Vital.NIBP_SYSTOLIC).toList(), SYSTOLIC, true);
        series(readings.stream().filter(r -> r.vital() == Vital.NIBP_DIASTOLIC).toList(), DIASTOLIC, true);
        Set<Instant> minutes = new HashSet<>();
        series(readings.stream().filter(r -> r.vital() == Vital.HEART_RATE)
                .filter(r -> minutes.add(r.at().truncatedTo(ChronoUnit.MINUTES))).toList(), HEART_RATE, false);
        legend();
    }

    private void alarms() {
        for (Alarm alarm : record.alarms()) {
            Instant end = alarm.clearedAt() != null ? alarm.clearedAt() : record.endedAt();
            float from = x(alarm.raisedAt());
            float to = Math.max(from + 1.5f, end == null ? left + width : x(end));
            canvas.saveState();
            canvas.setColorFill(alarm.priority() == AlarmPriority.HIGH ? new Color(0xF8, 0xC8, 0xC8)
                    : alarm.priority() == AlarmPriority.MEDIUM ? new Color(0xFC, 0xE8, 0xB2)
                    : new Color(0xCC, 0xF0, 0xF4));
            canvas.rectangle(from, bottom, to - from, height);
            canvas.fill();
            canvas.restoreState();
        }
    }

    private void grid() {
        canvas.saveState();
        canvas.setColorStroke(GRID);
        canvas.setLineWidth(0.5f);
        for (int value = 0; value <= MAX_VALUE; value += 40) {
            canvas.moveTo(left, y(value));
            canvas.lineTo(left + width, y(value));
            text(String.valueOf(value), left - 4, y(value) - 3, PdfContentByte.ALIGN_RIGHT);
        }
        long step = spanSeconds > 4 * 3600 ? 3600 : 1800;
        for (long second = 0; second <= spanSeconds; second += step) {
            float x = x(start.plusSeconds(second));
            canvas.moveTo(x, bottom);
            canvas.lineTo(x, bottom + height);
            text(second / 60 + " min", x, bottom - 12, PdfContentByte.ALIGN_CENTER);
        }
        text("minutes from the session's start", left + width / 2, bottom - 24, PdfContentByte.ALIGN_CENTER);
        canvas.stroke();
        canvas.setColorStroke(Color.BLACK);
        canvas.rectangle(left, bottom, width, height);
        canvas.stroke();
        canvas.restoreState();
    }

    private void baseline() {
        BaselineVitals baseline = record.started().baseline();
        if (baseline == null) {
            return;
        }
        canvas.saveState();
        canvas.setLineDash(4, 3);
        canvas.setLineWidth(0.7f);
        if (baseline.systolic() != null) {
            line(baseline.systolic(), SYSTOLIC);
        }
        if (baseline.diastolic() != null) {
            line(baseline.diastolic(), DIASTOLIC);
        }
        canvas.restoreState();
    }

    private void line(float value, Color color) {
        canvas.setColorStroke(color);
        canvas.moveTo(left, y(value));
        canvas.lineTo(left + width, y(value));
        canvas.stroke();
    }

    private void series(List<Reading> readings, Color color, boolean points) {
        if (readings.isEmpty()) {
            return;
        }
        canvas.saveState();
        canvas.setColorStroke(color);
        canvas.setColorFill(color);
        canvas.setLineWidth(points ? 1.2f : 0.8f);
        canvas.moveTo(x(readings.get(0).at()), y((float) readings.get(0).value()));
        readings.forEach(r -> canvas.lineTo(x(r.at()), y((float) r.value())));
        canvas.stroke();
        if (points) {
            readings.forEach(r -> canvas.circle(x(r.at()), y((float) r.value()), 1.8f));
            canvas.fill();
        }
        canvas.restoreState();
    }

    private void legend() {
        float y = bottom + height + 8;
        legendItem("NIBP systolic (mmHg)", SYSTOLIC, left);
        legendItem("NIBP diastolic (mmHg)", DIASTOLIC, left + 130);
        legendItem("heart rate (/min)", HEART_RATE, left + 265);
        text("dashed: baseline; bands: alarms", left + width, y, PdfContentByte.ALIGN_RIGHT);
    }

    private void legendItem(String label, Color color, float x) {
        float y = bottom + height + 8;
        canvas.saveState();
        canvas.setColorFill(color);
        canvas.rectangle(x, y, 8, 6);
        canvas.fill();
        canvas.restoreState();
        text(label, x + 11, y, PdfContentByte.ALIGN_LEFT);
    }

    private void text(String text, float x, float y, int alignment) {
        canvas.beginText();
        canvas.setFontAndSize(font, 7);
        canvas.showTextAligned(alignment, text, x, y, 0);
        canvas.endText();
    }

    private float x(Instant at) {
        float fraction = Duration.between(start, at).getSeconds() / (float) spanSeconds;
        return left + width * Math.max(0, Math.min(1, fraction));
    }

    private float y(float value) {
        return bottom + height * Math.max(0, Math.min(MAX_VALUE, value)) / MAX_VALUE;
    }
}
