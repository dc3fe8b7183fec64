package org.vigil.simulator.intellivue;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Reads a client message the way the monitor does: the first byte tells an association message (session header)
 * from a data message ({@code 0xE1}, the SPpdu), whose remote operation header then tells an invocation from a
 * result (Philips Data Export Interface Programming Guide, "Definition of the Data Export Protocol").
 */
final class ClientRequestParser {

    private static final int ASSOCIATION_REQUEST = 0x0D;
    private static final int RELEASE_REQUEST = 0x09;
    private static final int ABORT = 0x19;
    private static final int DATA = 0xE1;
    private static final int ROIV = 1;
    private static final int RORS = 2;
    private static final int CONFIRMED_EVENT_REPORT = 1;
    private static final int CONFIRMED_ACTION = 7;
    private static final int POLL = 0x0C16;
    private static final int POLL_EXTENDED = 0xF13B;

    private ClientRequestParser() {
    }

    static ClientRequest parse(byte[] message) {
        try {
            ByteBuffer in = ByteBuffer.wrap(message);
            int first = in.get() & 0xFF;
            if (first == DATA) {
                return data(in);
            }
            int length = in.get() & 0xFF;
            if (length == 0xFF) {
                length = in.getShort() & 0xFFFF;
            }
            if (length != in.remaining()) {
                return new ClientRequest.Unrecognised("session length " + length + " of " + in.remaining());
            }
            return switch (first) {
                case ASSOCIATION_REQUEST -> new ClientRequest.AssociationRequest();
                case RELEASE_REQUEST -> new ClientRequest.ReleaseRequest();
                case ABORT -> new ClientRequest.Abort();
                default -> new ClientRequest.Unrecognised("session type " + first);
            };
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return new ClientRequest.Unrecognised("too short");
        }
    }

    private static ClientRequest data(ByteBuffer in) {
        in.get();
        in.getShort();
        int roType = in.getShort() & 0xFFFF;
        int roLength = in.getShort() & 0xFFFF;
        if (roLength != in.remaining()) {
            return new ClientRequest.Unrecognised("ROapdus length " + roLength + " of " + in.remaining());
        }
        int invokeId = in.getShort() & 0xFFFF;
        int command = in.getShort() & 0xFFFF;
        in.getShort();
        if (roType == RORS && command == CONFIRMED_EVENT_REPORT) {
            return new ClientRequest.MdsCreateConfirmation(invokeId);
        }
        if (roType != ROIV || command != CONFIRMED_ACTION) {
            return new ClientRequest.Unrecognised("operation " + roType + "/" + command);
        }
        in.position(in.position() + 6 + 4);
        int action = in.getShort() & 0xFFFF;
        in.getShort();
        if (action != POLL && action != POLL_EXTENDED) {
            return new ClientRequest.Unrecognised("action " + action);
        }
        int pollNumber = in.getShort() & 0xFFFF;
        in.getShort();
        int objectClass = in.getShort() & 0xFFFF;
        return new ClientRequest.PollRequest(invokeId, pollNumber, objectClass, action == POLL_EXTENDED);
    }
}
