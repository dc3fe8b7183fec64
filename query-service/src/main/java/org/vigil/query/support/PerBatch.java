package org.vigil.query.support;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What the handlers of a tracking processor gather while it handles one batch of events, written once when the
 * batch prepares to commit: in the batch's transaction, together with the processor's token, instead of once per
 * event. When the commit fails, the batch's changes and its token are rolled back together and the processor
 * handles the batch again.
 */
public final class PerBatch {

    private PerBatch() {
    }

    /** The name under which {@code owner} keeps its gathering in a batch's unit of work. */
    public static String key(Class<?> owner) {
        return owner.getName() + ".batch";
    }

    /**
     * The current batch's gathering under {@code key} ({@link #key}), created on the batch's first event.
     *
     * @param write called once, when the batch prepares to commit
     * @throws IllegalStateException outside a batch
     */
    public static <T> T of(String key, Supplier<T> create, Consumer<T> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException(key + ": events are handled only in a processor's batch");
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(key, name -> {
            T gathered = create.get();
            batch.onPrepareCommit(unitOfWork -> write.accept(gathered));
            return gathered;
        });
    }
}
