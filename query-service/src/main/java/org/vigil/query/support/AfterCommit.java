package org.vigil.query.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Runs read-model changes and pushes only once the events that caused them are committed
 * (docs/DESIGN.md, principle 3: stored before shown). Outside a unit of work — while read models are rebuilt
 * from the store at start-up — the events are already committed, so the action runs at once.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> action.run());
        } else {
            action.run();
        }
    }
}
