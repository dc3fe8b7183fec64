package org.vigil.query.ingest;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vigil.adapters.ingest.DeviceReportSink;
import org.vigil.adapters.ingest.RecordOutcome;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.SessionId;
import org.vigil.core.session.ChairOccupancy;
import org.vigil.core.session.SessionEndedException;
import org.vigil.query.links.DeviceSupervisor;
import org.vigil.query.settings.DeviceBindings;

/**
 * Where decoded device messages become commands. A message goes to the session running at its device's chair, as
 * the command side recorded it ({@link ChairOccupancy}), never as a read model shows it; a device with no chair or
 * no session keeps its values on the device. The returned stage completes only after the command's unit of work
 * committed, so an adapter acknowledges only what is stored (docs/DESIGN.md, principle 3). A resend of a stored message
 * is recognised by {@link DuplicateCheck} inside that unit of work, whatever aggregate the message went to.
 *
 * <p>Commands are stored by {@link GroupCommit}, on a thread of their own, never on a transport's event loop:
 * the messages that arrive while one group is being stored are stored together, in one transaction, and each is
 * answered once that transaction committed. A database that hangs holds that thread whatever the caller waits: the
 * answer is therefore bounded here, by the store timeout — the stage fails with {@link StoreTimeoutException}, the
 * device gets {@code AE} and resends, and the station shows that the record store is unavailable
 * ({@link RecordStoreStatus}) — while the thread is freed by the transaction timeout, which cancels its statements
 * ({@code CommandTransactions}, in the wiring). A message whose time ran out while it waited is not started at all.
 * One that a slow store commits after its {@code AE} is recognised as a duplicate when resent. What follows a
 * stored message (the device's supervision, the station's store status) runs on the ingest workers.
 *
 * <p>A message whose alarm decisions fail is not stored either: the device gets {@code AE}, and the nurse a
 * technical alarm ({@link DecisionFailures}).
 */
public class ReportIngest implements DeviceReportSink {

    private final GroupCommit group;
    private final DeviceBindings bindings;
    private final ChairOccupancy occupancy;
    private final DeviceSupervisor supervisor;
    private final Executor workers;
    private final Duration storeTimeout;
    private final RecordStoreStatus store;
    private final DecisionFailures decisions;

    public ReportIngest(GroupCommit group, DeviceBindings bindings, ChairOccupancy occupancy,
                        DeviceSupervisor supervisor, Executor workers, Duration storeTimeout,
                        RecordStoreStatus store, DecisionFailures decisions) {
        this.group = group;
        this.bindings = bindings;
        this.occupancy = occupancy;
        this.supervisor = supervisor;
        this.workers = workers;
        this.storeTimeout = storeTimeout;
        this.store = store;
        this.decisions = decisions;
    }

    @Override
    public CompletionStage<RecordOutcome> record(DeviceReport report) {
        long deadline = System.nanoTime() + storeTimeout.toNanos();
        Routing routing = new Routing(report);
        return group.submit(routing::command, deadline)
                .exceptionallyCompose(failure -> routing.endedMeanwhile(failure)
                        ? group.submit(routing::command, deadline) : CompletableFuture.failedFuture(failure))
                .handleAsync((admission, failure) -> answer(routing, admission, failure), workers)
                .orTimeout(storeTimeout.toNanos(), TimeUnit.NANOSECONDS)
                .exceptionally(this::notStored);
    }

    private RecordOutcome answer(Routing routing, Object admission, Throwable failure) {
        DeviceId device = routing.report.deviceId();
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            DecisionFailures.of(cause).ifPresent(f -> decisions.failed(device, routing.session, f));
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        }
        store.stored();
        decisions.decided(device, routing.session);
        supervisor.usableMessage(device, routing.report.receivedAt());
        return admission == Admission.DUPLICATE ? RecordOutcome.DUPLICATE : RecordOutcome.RECORDED;
    }

    /**
     * Where a message goes: decided when its group starts, on the occupancy the command side holds then. A session
     * can end between that decision and the message's command (the occupancy shows the end once its transaction has
     * committed); the session then refuses the message, and it is routed once more, without that session: to the
     * session that runs at the chair by then, or to the device, as if it had come a moment later.
     */
    private final class Routing {

        private final DeviceReport report;
        private volatile Optional<SessionId> session = Optional.empty();
        private volatile SessionId ended;

        private Routing(DeviceReport report) {
            this.report = report;
        }

        private Object command() {
            DeviceId device = report.deviceId();
            ChairId chair = bindings.chairOf(device).orElse(null);
            session = Optional.ofNullable(chair).flatMap(occupancy::sessionAt).filter(s -> !s.equals(ended));
            return session.map(s -> RecordCommands.inSession(s, report))
                    .orElseGet(() -> RecordCommands.onDevice(device, chair, report));
        }

        /** Whether {@code failure} is the routed session refusing the message because it has ended, the first time. */
        private boolean endedMeanwhile(Throwable failure) {
            if (ended != null || session.isEmpty()) {
                return false;
            }
            for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
                if (cause instanceof SessionEndedException) {
                    ended = session.get();
                    return true;
                }
            }
            return false;
        }
    }

    private RecordOutcome notStored(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            StoreTimeoutException timeout = new StoreTimeoutException(storeTimeout);
            store.notStored(timeout.getMessage());
            throw timeout;
        }
        if (cause instanceof StoreTimeoutException) {
            store.notStored(cause.getMessage());
        } else if (StoreFailures.unreachable(cause)) {
            store.notStored("the database cannot be reached (" + cause.getMessage() + ")");
        }
        throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }
}
