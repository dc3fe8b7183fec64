package org.vigil.core.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vigil.core.pump.PumpReports.T0;
import static org.vigil.core.pump.PumpReports.ledgerOf;
import static org.vigil.core.pump.PumpReports.parse;
import static org.vigil.core.pump.PumpReports.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;

/** mg delivered = ∫ rate × concentration dt (docs/DOMAIN.md, "Infusion pumps"), by the method {@link DoseLedger} states. */
class DoseLedgerTest {

    @ParameterizedTest(name = "{0}: {1} mL, {2} mg")
    @CsvSource(delimiter = ';', value = {
            "INFUSING 0 6 - 10 | INFUSING 600 6 - 10 | COMPLETE 1200 6 - 10;                       2.0;  20",
            "INFUSING 0 6 - 10 | PAUSED 600 6 - 10 | INFUSING 1200 6 - 10 | COMPLETE 1800 6 - 10;   2.0;  20",
            "INFUSING 0 6 - 10 | INFUSING 600 12 - 10 | STOPPED 900 12 - 10;                      2.0;  20",
            "INFUSING 0 6 - 10 | KVO 600 1 - 10 | KVO 1200 1 - 10;                                1.0;  10",
            "IDLE 0 6 - 10 | IDLE 600 6 - 10;                                                      0;    0",
            "INFUSING 0 6 0 10 | INFUSING 600 6 0.9 10;                                            0.9;  9",
            "INFUSING 0 6 0 10 | INFUSING 600 6 - 10 | INFUSING 1200 6 1.8 10;                     1.8;  18",
            "INFUSING 0 6 - 10 | INFUSING 600 6 - 10 | INFUSING 1200 6 3.0 10;                     3.0;  30",
            "INFUSING 0 6 - 10 | INFUSING 600 6 - 10 | INFUSING 1200 6 1.5 10 | INFUSING 1800 6 - 10; 2.5; 25",
            "INFUSING 0 6 1.5 10;                                                                  1.5;  15",
            "INFUSING 0 6 2.0 10 | INFUSING 600 6 0.5 10;                                          2.5;  25",
            "INFUSING 0 6 - 20 | INFUSING 600 6 - 10 | STOPPED 1200 6 - 10;                        2.0;  30",
            "INFUSING 600 6 - 10 | INFUSING 0 6 - 10;                                              0;    0",
    })
    void integratesThePumpsMessages(String reports, double expectedMl, double expectedMg) {
        // given
        List<PumpReport> messages = parse(reports);

        // when
        DoseLedger ledger = ledgerOf(messages);

        // then
        assertThat(ledger.deliveredMl()).isCloseTo(expectedMl, within(1e-9));
        assertThat(ledger.deliveredMg(null)).isCloseTo(expectedMg, within(1e-9));
    }

    @Test
    void volumeDeliveredWithoutAConcentrationIsPricedWithTheFallback() {
        // given
        DoseLedger ledger = ledgerOf(parse("INFUSING 0 6 - - | INFUSING 600 6 - -"));

        // when
        double withoutFallback = ledger.deliveredMg(null);
        double withPrescription = ledger.deliveredMg(10.0);

        // then
        assertThat(ledger.unpricedMl()).isCloseTo(1.0, within(1e-9));
        assertThat(withoutFallback).isZero();
        assertThat(withPrescription).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void theStandardFortyMinuteInfusionPolledEveryTwoSecondsGivesHalfAMilligramPerKilogram() {
        // given: 0.5 mg/kg over 40 min for 70 kg at 10 mg/mL is 5.25 mL/h
        List<PumpReport> reports = new ArrayList<>();
        for (int second = 0; second < 2400; second += 2) {
            Instant at = T0.plusSeconds(second);
            reports.add(report(reports.size(), PumpStatus.INFUSING, at, at, 5.25, null, 10.0));
        }
        Instant end = T0.plusSeconds(2400);
        reports.add(report(reports.size(), PumpStatus.COMPLETE, end, end, 5.25, null, 10.0));

        // when
        DoseLedger ledger = ledgerOf(reports);

        // then
        assertThat(ledger.deliveredMl()).isCloseTo(3.5, within(1e-9));
        assertThat(ledger.deliveredMg(null) / 70).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void measuresOnVigilsClockWhenAMessageHasNoDeviceTime() {
        // given: the pump's clock says 20 min passed, but the second message carries no device time
        PumpReport first = report(0, PumpStatus.INFUSING, T0, T0.plusSeconds(1), 6.0, null, 10.0);
        PumpReport second = report(1, PumpStatus.INFUSING, null, T0.plusSeconds(601), 6.0, null, 10.0);

        // when
        DoseLedger ledger = ledgerOf(List.of(first, second));

        // then
        assertThat(ledger.deliveredMl()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void measuresOnThePumpsClockWhenBothMessagesCarryIt() {
        // given: the pump's messages reached Vigil 10 min apart after a network outage, 5 min apart on the pump
        PumpReport first = report(0, PumpStatus.INFUSING, T0, T0.plusSeconds(1), 6.0, null, 10.0);
        PumpReport second = report(1, PumpStatus.INFUSING, T0.plusSeconds(300), T0.plusSeconds(601), 6.0, null,
                10.0);

        // when
        DoseLedger ledger = ledgerOf(List.of(first, second));

        // then
        assertThat(ledger.deliveredMl()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void keepsEachPumpAsItsMessagesDescribeIt() {
        // given
        List<PumpReport> reports = parse("INFUSING 0 6 - 10 | PAUSED 600 - - -");

        // when
        PumpState pump = ledgerOf(reports).pump(PumpReports.PUMP).orElseThrow();

        // then
        assertThat(pump.status()).isEqualTo(PumpStatus.PAUSED);
        assertThat(pump.programme().rateMlPerHour()).isEqualTo(6.0);
        assertThat(pump.programme().concentrationMgPerMl()).isEqualTo(10.0);
        assertThat(pump.receivedAt()).isEqualTo(T0.plusSeconds(602));
    }
}
