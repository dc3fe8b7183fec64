package org.vigil.query.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.vigil.query.sessionrecord.HypertensiveIvSession;

/**
 * The PDF report of an IV session with a hypertensive surge, read back with PDFBox: one A4 page whose text holds the
 * summary figures the session's events give — the dose prescribed and delivered, the peak pressures and their
 * times, the alarms, the waits for acknowledgement, the escalation and the observation time.
 */
class SessionReportPdfTest {

    @Test
    void readsBackTheSummaryFiguresOnOneA4Page() throws IOException {
        // given
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();

        // when
        SessionReportPdf.write(HypertensiveIvSession.record(), pdf);

        // then
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).as("A4 width, in whole points").isCloseTo(PDRectangle.A4.getWidth(), within(1f));
            assertThat(page.getHeight()).as("A4 height").isCloseTo(PDRectangle.A4.getHeight(), within(1f));
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(
                    "patient P-0042",
                    "Dose prescribed 35.0 mg (0.50 mg/kg)",
                    "Dose delivered 35.0 mg (0.50 mg/kg)",
                    "Difference +0.0 mg (+0.0 %)",
                    "Peak SBP 184 mmHg at " + HypertensiveIvSession.PEAK_AT,
                    "Peak DBP 112 mmHg at " + HypertensiveIvSession.PEAK_AT,
                    "Alarms HIGH 1, MEDIUM 1, LOW 0",
                    "Time to acknowledge median 57.2 s, worst 94.7 s; 0 unacknowledged",
                    "Escalations 1",
                    "Observation time 105 min from the dose start to discharge",
                    "NIBP systolic (mmHg)");
        }
    }
}
