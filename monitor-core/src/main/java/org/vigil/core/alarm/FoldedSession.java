package org.vigil.core.alarm;

/** What a decision handler knows of one session, folded from the session's own events one at a time. */
interface FoldedSession {

    /** Folds one event of the session; events this state does not need are ignored. */
    void apply(Object event);
}
