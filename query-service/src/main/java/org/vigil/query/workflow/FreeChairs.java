package org.vigil.query.workflow;

import org.springframework.stereotype.Component;
import org.vigil.core.api.ChairId;
import org.vigil.core.session.WorkflowStepRefusedException;
import org.vigil.query.chairs.ChairsProjection;

/** Whether a session may be booked at a chair: only while no session runs there. */
@Component
class FreeChairs {

    private final ChairsProjection chairs;

    FreeChairs(ChairsProjection chairs) {
        this.chairs = chairs;
    }

    /** @throws WorkflowStepRefusedException naming the session that holds the chair */
    void requireFree(ChairId chair) {
        chairs.activeSession(chair).ifPresent(taken -> {
            throw new WorkflowStepRefusedException("chair " + chair + " is taken by session " + taken
                    + ": it must end before another is scheduled there");
        });
    }
}
