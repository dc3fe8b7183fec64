package org.vigil.adapters.hl7.storm;

import org.vigil.adapters.ingest.DeviceReportSink;
import org.vigil.adapters.ingest.RecordOutcome;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.MessageKey;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** A store that keeps only the keys of the messages it recorded, de-duplicating by them as the application does. */
final class CountingSink implements DeviceReportSink {

    private final Set<MessageKey> recorded = ConcurrentHashMap.newKeySet();

    @Override
    public CompletionStage<RecordOutcome> record(DeviceReport report) {
        return CompletableFuture.completedFuture(recorded.add(report.messageKey())
                ? RecordOutcome.RECORDED : RecordOutcome.DUPLICATE);
    }

    long recorded() {
        return recorded.size();
    }
}
