package org.vigil.core.alarm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Ties the in-memory state of a decision handler to the fate of the unit of work it changed in: the state a handler
 * folds while deciding is ahead of the store until the events commit, and must not survive a rollback. A handler
 * called outside any unit of work changes nothing that could roll back, so its actions run at once.
 */
final class UnitsOfWork {

    private UnitsOfWork() {
    }

    /**
     * Hands {@code item} to {@code apply} once the current root unit of work is committed, or at once outside one.
     * Items of one unit of work under one {@code owner} are applied in the order they were handed over (Axon runs
     * after-commit handlers in reverse order of registration, and a fold must see events in their order).
     */
    static <E> void afterCommit(String owner, E item, Consumer<E> apply) {
        if (!CurrentUnitOfWork.isStarted()) {
            apply.accept(item);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<E> pending = root.getOrComputeResource(owner, name -> {
            List<E> items = Collections.synchronizedList(new ArrayList<>());
            root.afterCommit(u -> List.copyOf(items).forEach(apply));
            return items;
        });
        pending.add(item);
    }

    /**
     * Remembers {@code key} as touched by the current root unit of work; if that unit of work rolls back, every key
     * it touched is handed once to {@code undo}, under the resource name {@code owner}.
     */
    static <K> void onRollback(String owner, K key, Consumer<Set<K>> undo) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Set<K> touched = root.getOrComputeResource(owner, name -> {
            Set<K> keys = ConcurrentHashMap.newKeySet();
            root.onRollback(u -> undo.accept(keys));
            return keys;
        });
        touched.add(key);
    }
}
