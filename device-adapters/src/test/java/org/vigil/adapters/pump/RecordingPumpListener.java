package org.vigil.adapters.pump;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vigil.adapters.transport.ConnectionListener;
import org.vigil.core.api.PumpReport;

/** Keeps the reports a pump connection handed over and the silences it reported. */
final class RecordingPumpListener implements ConnectionListener<PumpReport> {

    private final List<PumpReport> reports = new CopyOnWriteArrayList<>();
    private final List<Instant> silences = new CopyOnWriteArrayList<>();
    private final List<String> decodeFailures = new CopyOnWriteArrayList<>();

    @Override
    public void received(PumpReport report, Instant receivedAt) {
        reports.add(report);
    }

    @Override
    public void silent(Instant silentSince, Instant at) {
        silences.add(silentSince);
    }

    @Override
    public void decodeFailed(String reason, Instant at) {
        decodeFailures.add(reason);
    }

    List<PumpReport> reports() {
        return reports;
    }

    PumpReport last() {
        return reports.get(reports.size() - 1);
    }

    List<Instant> silences() {
        return silences;
    }

    List<String> decodeFailures() {
        return decodeFailures;
    }
}
