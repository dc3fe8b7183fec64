package org.vigil.core.alarm;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.vigil.core.api.SessionId;

/**
 * The error handler of {@value AlarmDecisions#PROCESSING_GROUP} (docs/DESIGN.md, "Errors are never swallowed"): an
 * exception while deciding alarms is not logged and forgotten — the observation would be stored and acknowledged
 * with no alarm decided — but rethrown as an {@link AlarmDecisionFailedException} naming the session, which fails
 * the unit of work that published the event. Nothing of it is committed, the device is answered {@code AE} and
 * resends, and whoever sent the command can tell the nurse ({@link DecisionFailureAlarm}).
 */
public final class AlarmDecisionErrors implements ListenerInvocationErrorHandler {

    /** The aggregate type of a session's events: their aggregate identifier is the session's id. */
    private static final String SESSION_TYPE = "Session";

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) {
        if (exception instanceof AlarmDecisionFailedException failed) {
            throw failed;
        }
        SessionId session = event instanceof DomainEventMessage<?> domain && SESSION_TYPE.equals(domain.getType())
                ? new SessionId(domain.getAggregateIdentifier()) : null;
        throw new AlarmDecisionFailedException(session, event.getPayloadType().getSimpleName(), exception);
    }
}
