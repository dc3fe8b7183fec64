package org.vigil.adapters.intellivue.wire;

import static org.vigil.adapters.intellivue.wire.Nomenclature.*;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.vigil.adapters.intellivue.wire.MonitorMessage.Linked;
import org.vigil.adapters.intellivue.wire.MonitorMessage.ManagedObject;
import org.vigil.adapters.intellivue.wire.MonitorMessage.NumericValue;

/**
 * Decodes the payload of one frame from the monitor into a {@link MonitorMessage}. Pure: bytes in, value out; a
 * payload that does not fit its own length fields is a {@link DecodeResult.Failed}, never an exception. Layouts
 * follow the Philips Data Export Interface Programming Guide, "Definition of the Data Export Protocol": session
 * header, SPpdu, ROapdus, RO(IV|RS|LS|ER)apdu, EventReportArgument / ActionResult, PollMdibDataReply(Ext),
 * PollInfoList, SingleContextPoll, ObservationPoll, AttributeList and AVAType.
 */
final class MonitorMessageDecoder {

    private static final int DATA_SESSION_HIGH_BYTE = DATA_SESSION_ID >>> 8;

    private MonitorMessageDecoder() {
    }

    public static DecodeResult decode(byte[] payload) {
        try {
            return new DecodeResult.Decoded(decode(new ByteReader(payload)));
        } catch (ByteReader.Malformed malformed) {
            return new DecodeResult.Failed(malformed.getMessage());
        }
    }

    private static MonitorMessage decode(ByteReader r) {
        int sessionType = r.u8();
        if (sessionType == DATA_SESSION_HIGH_BYTE) {
            return decodeData(r);
        }
        int length = r.u8();
        if (length == 0xFF) {
            length = r.u16();
        }
        if (length != r.remaining()) {
            throw new ByteReader.Malformed("session length " + length + " but " + r.remaining() + " bytes follow");
        }
        return switch (sessionType) {
            case AC_SPDU -> new MonitorMessage.AssociationAccepted();
            case RF_SPDU -> new MonitorMessage.AssociationRefused();
            case FN_SPDU -> new MonitorMessage.ReleaseRequested();
            case DN_SPDU -> new MonitorMessage.Released();
            case AB_SPDU -> new MonitorMessage.Aborted();
            default -> throw new ByteReader.Malformed("unknown session header 0x" + Integer.toHexString(sessionType));
        };
    }

    private static MonitorMessage decodeData(ByteReader r) {
        if (r.u8() != (DATA_SESSION_ID & 0xFF)) {
            throw new ByteReader.Malformed("not a data session id");
        }
        r.u16();
        int roType = r.u16();
        ByteReader apdu = exactly(r, r.u16(), "ROapdus");
        return switch (roType) {
            case ROIV_APDU -> decodeInvoke(apdu);
            case RORS_APDU -> decodeResult(apdu, Linked.NONE);
            case RORLS_APDU -> decodeResult(apdu, linked(apdu.u8(), apdu.u8()));
            case ROER_APDU -> new MonitorMessage.RemoteOperationError(apdu.u16(), apdu.u16());
            default -> new MonitorMessage.Unhandled(roType, -1);
        };
    }

    private static Linked linked(int state, int count) {
        return switch (state) {
            case RORLS_FIRST -> Linked.FIRST;
            case RORLS_NOT_FIRST_NOT_LAST -> Linked.MIDDLE;
            case RORLS_LAST -> Linked.LAST;
            default -> throw new ByteReader.Malformed("linked state " + state + " (count " + count + ")");
        };
    }

    private static MonitorMessage decodeInvoke(ByteReader r) {
        int invokeId = r.u16();
        int command = r.u16();
        ByteReader argument = r.slice(r.u16());
        if (command != CMD_EVENT_REPORT && command != CMD_CONFIRMED_EVENT_REPORT) {
            return new MonitorMessage.Unhandled(ROIV_APDU, command);
        }
        managedObject(argument);
        long eventTime = argument.u32();
        int eventType = argument.u16();
        ByteReader info = argument.slice(argument.u16());
        if (eventType != NOM_NOTI_MDS_CREAT) {
            return new MonitorMessage.Unhandled(ROIV_APDU, command);
        }
        ManagedObject mds = managedObject(info);
        Optional<LocalDateTime> absolute = Optional.empty();
        OptionalLong relative = OptionalLong.empty();
        int skipped = 0;
        Counted attributes = Counted.read(info);
        for (int i = 0; i < attributes.count(); i++) {
            Ava ava = Ava.read(attributes.elements());
            if (ava.id() == NOM_ATTR_TIME_ABS) {
                absolute = AbsoluteTime.read(ava.value());
            } else if (ava.id() == NOM_ATTR_TIME_REL) {
                relative = OptionalLong.of(ava.value().u32());
            } else {
                skipped++;
            }
        }
        return new MonitorMessage.MdsCreateEvent(invokeId, mds, eventTime, absolute, relative, skipped);
    }

    private static MonitorMessage decodeResult(ByteReader r, Linked linked) {
        int roType = linked == Linked.NONE ? RORS_APDU : RORLS_APDU;
        int invokeId = r.u16();
        int command = r.u16();
        ByteReader result = r.slice(r.u16());
        if (command != CMD_CONFIRMED_ACTION) {
            return new MonitorMessage.Unhandled(roType, command);
        }
        managedObject(result);
        int actionType = result.u16();
        ByteReader reply = result.slice(result.u16());
        return switch (actionType) {
            case NOM_ACT_POLL_MDIB_DATA -> pollResult(reply, invokeId, false, linked);
            case NOM_ACT_POLL_MDIB_DATA_EXT -> pollResult(reply, invokeId, true, linked);
            default -> new MonitorMessage.Unhandled(roType, command);
        };
    }

    private static MonitorMessage.PollResult pollResult(ByteReader r, int invokeId, boolean extended, Linked linked) {
        int pollNumber = r.u16();
        if (extended) {
            r.u16();
        }
        long relativeTime = r.u32();
        Optional<LocalDateTime> absolute = AbsoluteTime.read(r);
        r.u16();
        int objectClass = r.u16();
        r.u16();
        PollCollector collector = new PollCollector();
        Counted contexts = Counted.read(r);
        for (int c = 0; c < contexts.count(); c++) {
            int contextId = contexts.elements().u16();
            Counted observations = Counted.read(contexts.elements());
            for (int o = 0; o < observations.count(); o++) {
                collector.observationPoll(observations.elements(), contextId);
            }
        }
        return new MonitorMessage.PollResult(invokeId, extended, linked, pollNumber, relativeTime, absolute,
                objectClass, collector.numerics, collector.skippedAttributes, collector.skippedObjects);
    }

    private static ManagedObject managedObject(ByteReader r) {
        return new ManagedObject(r.u16(), r.u16(), r.u16());
    }

    private static ByteReader exactly(ByteReader r, int length, String what) {
        if (length != r.remaining()) {
            throw new ByteReader.Malformed(what + " length " + length + " but " + r.remaining() + " bytes follow");
        }
        return r.slice(length);
    }

    /** Gathers the numeric values of the ObservationPolls of one poll result. */
    private static final class PollCollector {
        private final List<NumericValue> numerics = new ArrayList<>();
        private int skippedAttributes;
        private int skippedObjects;

        void observationPoll(ByteReader r, int contextId) {
            int handle = r.u16();
            List<NumericValue> values = new ArrayList<>(3);
            Optional<LocalDateTime> measuredAt = Optional.empty();
            Counted attributes = Counted.read(r);
            for (int i = 0; i < attributes.count(); i++) {
                Ava ava = Ava.read(attributes.elements());
                switch (ava.id()) {
                    case NOM_ATTR_NU_VAL_OBS -> values.add(nuObsValue(ava.value(), contextId, handle));
                    case NOM_ATTR_NU_CMPD_VAL_OBS -> {
                        Counted compound = Counted.read(ava.value());
                        for (int v = 0; v < compound.count(); v++) {
                            values.add(nuObsValue(compound.elements(), contextId, handle));
                        }
                    }
                    case NOM_ATTR_TIME_STAMP_ABS -> measuredAt = AbsoluteTime.read(ava.value());
                    default -> skippedAttributes++;
                }
            }
            if (values.isEmpty()) {
                skippedObjects++;
            }
            for (NumericValue value : values) {
                numerics.add(new NumericValue(value.contextId(), value.handle(), value.physioId(), value.state(),
                        value.unitCode(), value.value(), measuredAt));
            }
        }

        private static NumericValue nuObsValue(ByteReader r, int contextId, int handle) {
            ByteReader value = r.slice(NU_OBS_VALUE_LENGTH);
            return new NumericValue(contextId, handle, value.u16(), value.u16(), value.u16(),
                    new FloatType((int) value.u32()), Optional.empty());
        }
    }

    /** The common shape of the guide's lists: a 16-bit count, a 16-bit byte length, then the elements. */
    private record Counted(int count, ByteReader elements) {
        static Counted read(ByteReader r) {
            int count = r.u16();
            return new Counted(count, r.slice(r.u16()));
        }
    }

    /** AVAType: attribute id, length, and the value's bytes. */
    private record Ava(int id, ByteReader value) {
        static Ava read(ByteReader r) {
            int id = r.u16();
            return new Ava(id, r.slice(r.u16()));
        }
    }
}
