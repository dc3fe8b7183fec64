package org.vigil.core.pump;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;

/**
 * Pump messages written as a table cell: {@code STATUS seconds rate volumeInfused concentration}, messages apart by
 * {@code |}, {@code -} for a value the message does not carry. The pump's clock reads T0 + seconds; Vigil receives
 * each message 2 s later.
 */
final class PumpReports {

    static final DeviceId PUMP = new DeviceId("pump-1");
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private PumpReports() {
    }

    static List<PumpReport> parse(String table) {
        List<PumpReport> reports = new ArrayList<>();
        for (String row : table.split("\\|")) {
            String[] cells = row.trim().split("\\s+");
            Instant at = T0.plusMillis(Math.round(Double.parseDouble(cells[1]) * 1000));
            reports.add(report(reports.size(), PumpStatus.valueOf(cells[0]), at, at.plusSeconds(2), number(cells[2]),
                    number(cells[3]), number(cells[4])));
        }
        return reports;
    }

    static PumpReport report(int index, PumpStatus status, Instant deviceTime, Instant receivedAt, Double rate,
                             Double volumeInfused, Double concentration) {
        return new PumpReport(PUMP, new MessageKey("pump-1", "M" + index), deviceTime, receivedAt, status,
                new PumpProgramme(null, concentration, rate, null, null, null), volumeInfused, null, null, null);
    }

    static DoseLedger ledgerOf(List<PumpReport> reports) {
        DoseLedger ledger = DoseLedger.empty();
        for (PumpReport report : reports) {
            ledger = ledger.record(report);
        }
        return ledger;
    }

    private static Double number(String cell) {
        return cell.equals("-") ? null : Double.valueOf(cell);
    }
}
