package org.vigil.adapters.intellivue.wire;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A message from the monitor, decoded from one frame's payload: the session/presentation layer messages of the
 * association dialog, and the remote operations carried in data messages (Philips Data Export Interface Programming
 * Guide, "Protocol Dialog").
 */
sealed interface MonitorMessage {

    /** Association Result: the monitor accepted the association (session header {@code AC_SPDU 0x0E}). */
    record AssociationAccepted() implements MonitorMessage {
    }

    /** The monitor refused the association (session header {@code RF_SPDU 0x0C}). */
    record AssociationRefused() implements MonitorMessage {
    }

    /** The monitor asks to release the association (session header {@code FN_SPDU 0x09}); it expects a result. */
    record ReleaseRequested() implements MonitorMessage {
    }

    /** Association Release Result (session header {@code DN_SPDU 0x0A}). */
    record Released() implements MonitorMessage {
    }

    /** Association Abort (session header {@code AB_SPDU 0x19}): the association is gone. */
    record Aborted() implements MonitorMessage {
    }

    /**
     * MDS Create Event Report: the monitor describes itself after accepting the association and waits for the
     * client's MDS Create Event Result.
     *
     * @param eventTime    the event's RelativeTime
     * @param absoluteTime the MDS's {@code NOM_ATTR_TIME_ABS}, if set
     * @param relativeTime the MDS's {@code NOM_ATTR_TIME_REL}, taken at the same moment as the absolute time
     */
    record MdsCreateEvent(int invokeId, ManagedObject mds, long eventTime, Optional<LocalDateTime> absoluteTime,
                          OptionalLong relativeTime, int skippedAttributes) implements MonitorMessage {
    }

    /**
     * A Single or Extended Poll Data Result, possibly one part of a linked reply.
     *
     * @param linked            whether this message is one of several that answer the same poll
     * @param objectClass       the polled object class ({@code NOM_MOC_VMO_METRIC_NU} = 6 for numerics)
     * @param relativeTime      when the monitor took the data, as RelativeTime
     * @param skippedAttributes attributes that carried no numeric value (labels, colours, unknown ids)
     * @param skippedObjects    polled objects that carried no numeric value
     */
    record PollResult(int invokeId, boolean extended, Linked linked, int pollNumber, long relativeTime,
                      Optional<LocalDateTime> absoluteTime, int objectClass, List<NumericValue> numerics,
                      int skippedAttributes, int skippedObjects) implements MonitorMessage {
        public PollResult {
            numerics = List.copyOf(numerics);
        }
    }

    /** A remote operation error (ROER) answering one of the client's invocations. */
    record RemoteOperationError(int invokeId, int errorValue) implements MonitorMessage {
    }

    /** A well-formed data message this client does not use (other events, GET or SET results). */
    record Unhandled(int roType, int commandType) implements MonitorMessage {
    }

    /** Object class and global handle (context id, handle) of a managed object. */
    record ManagedObject(int objectClass, int contextId, int handle) {
    }

    /** Whether a poll result stands alone or is one part of a linked reply (RORLS). */
    enum Linked { NONE, FIRST, MIDDLE, LAST }

    /**
     * One numeric observed value ({@code NuObsValue}).
     *
     * @param state      MeasurementState flags
     * @param measuredAt the object's own {@code NOM_ATTR_TIME_STAMP_ABS}, if it sent one (episodic NBP does)
     */
    record NumericValue(int contextId, int handle, int physioId, int state, int unitCode, FloatType value,
                        Optional<LocalDateTime> measuredAt) {

        /** MeasurementState bits that make a value unusable: invalid, questionable, unavailable, calibrating, test. */
        public static final int UNUSABLE_STATES = 0xF800;
        public static final int DEMO_DATA = 0x0400;

        /** A number that the monitor vouches for (no unusable state flag). Demo data is judged by the mapper. */
        public boolean usable() {
            return value.isNumber() && (state & UNUSABLE_STATES) == 0;
        }

        public boolean demoData() {
            return (state & DEMO_DATA) != 0;
        }
    }
}
