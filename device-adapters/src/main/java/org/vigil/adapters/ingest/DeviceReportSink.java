package org.vigil.adapters.ingest;

import org.vigil.core.api.DeviceReport;

import java.util.concurrent.CompletionStage;

/**
 * Where adapters hand over what a device reported. The application implements it.
 *
 * <p>The returned stage completes only once the report's events are committed, because the device
 * is acknowledged then and not before (docs/DESIGN.md, principle 3: stored before acknowledged). It completes
 * with {@link RecordOutcome#DUPLICATE} when the same message (same {@link org.vigil.core.api.MessageKey}, same
 * content) was already stored: the sender resent it because it missed the acknowledgement. It completes
 * exceptionally when the report was not stored; the sender is then told so and will resend.
 *
 * <p>Called from an event loop: implementations must return at once and never block.
 */
@FunctionalInterface
public interface DeviceReportSink {

    CompletionStage<RecordOutcome> record(DeviceReport report);
}
