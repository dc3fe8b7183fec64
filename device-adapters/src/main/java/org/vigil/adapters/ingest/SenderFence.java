package org.vigil.adapters.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.vigil.core.api.DeviceReport;

/**
 * Decides, before a report reaches the {@link DeviceReportSink}, whether its sender may write into the record: a
 * device the clinic configured, talking from an address it allows. A report that may not is kept aside
 * ({@link #quarantine(QuarantinedMessage)}) and never reaches a session or a chair. The application implements it;
 * a line that belongs to one device by wiring (a serial port) needs none and uses {@link #OPEN}.
 *
 * <p>Called from an event loop: implementations must return at once and never block.
 */
public interface SenderFence {

    /** Admits everything: for lines whose sender is known by how they are wired. */
    SenderFence OPEN = new SenderFence() {
        @Override
        public FenceVerdict check(DeviceReport report, String sourceAddress) {
            return FenceVerdict.admit();
        }

        @Override
        public CompletionStage<Void> quarantine(QuarantinedMessage message) {
            return CompletableFuture.failedFuture(new IllegalStateException("an open fence quarantines nothing"));
        }
    };

    /**
     * @param report        what the message says, with the device id it claims
     * @param sourceAddress the IP address the message came from, as text (for example {@code 10.1.2.3})
     */
    FenceVerdict check(DeviceReport report, String sourceAddress);

    /**
     * Stores a message the fence kept out; completes once it is stored, exceptionally when it was not (the sender is
     * then told so and resends).
     */
    CompletionStage<Void> quarantine(QuarantinedMessage message);
}
