package org.vigil.simulator.intellivue;

/** What the client asked of the monitor in one message. */
sealed interface ClientRequest {

    record AssociationRequest() implements ClientRequest {
    }

    record ReleaseRequest() implements ClientRequest {
    }

    record Abort() implements ClientRequest {
    }

    /** The client's MDS Create Event Result (RORS to the monitor's event report). */
    record MdsCreateConfirmation(int invokeId) implements ClientRequest {
    }

    /** Single ({@code extended == false}) or Extended Poll Data Request for one object class. */
    record PollRequest(int invokeId, int pollNumber, int objectClass, boolean extended) implements ClientRequest {
    }

    /** Anything else, or a message that does not parse; the monitor ignores it. */
    record Unrecognised(String why) implements ClientRequest {
    }
}
