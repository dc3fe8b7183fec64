package org.vigil.adapters.intellivue.wire;

import static org.vigil.adapters.intellivue.wire.Nomenclature.*;

import org.vigil.adapters.intellivue.wire.MonitorMessage.MdsCreateEvent;

/**
 * Encodes the client's messages (frame payloads; wrap them with {@link MibFrameEncoder}). Layouts follow the
 * Philips Data Export Interface Programming Guide: "Association Request", "MDS Create Event Result", "Poll Data
 * Request" / "Extended Poll Data Request" and "Association Release Request". The fixed session and presentation
 * bytes are the guide's ASN.1 encodings, unchanged by this client.
 */
final class ClientMessageEncoder {

    private static final byte[] SESSION_DATA = ByteWriter.hex("05 08 13 01 00 16 01 02 80 00 14 02 00 02");
    private static final int PRESENTATION_HEADER_TAG = 0xC1;
    private static final byte[] ASSOCIATION_PRESENTATION_HEADER = ByteWriter.hex("""
            31 80 A0 80 80 01 01 00 00 A2 80 A0 03 00 00 01 A4 80 30 80 02 01 01 06 04 52 01 00 01 30 80 06 02 51
            01 00 00 00 00 30 80 02 01 02 06 0C 2A 86 48 CE 14 02 01 00 00 00 01 01 30 80 06 0C 2A 86 48 CE 14 02
            01 00 00 00 02 01 00 00 00 00 00 00 61 80 30 80 02 01 01 A0 80 60 80 A1 80 06 0C 2A 86 48 CE 14 02 01
            00 00 00 03 01 00 00 BE 80 28 80 06 0C 2A 86 48 CE 14 02 01 00 00 00 01 01 02 01 02 81""");
    private static final byte[] PRESENTATION_TRAILER = new byte[16];
    private static final byte[] RELEASE_REQUEST = ByteWriter.hex(
            "09 18 C1 16 61 80 30 80 02 01 01 A0 80 62 80 80 01 00 00 00 00 00 00 00 00 00");
    private static final byte[] RELEASE_RESULT = ByteWriter.hex(
            "0A 18 C1 16 61 80 30 80 02 01 01 A0 80 63 80 80 01 00 00 00 00 00 00 00 00 00");

    /** MDSEUserInfoStd values of a client ("Association Request", MDSEUserInfoStd). */
    private static final long MDDL_VERSION1 = 0x80000000L;
    private static final long NOMEN_VERSION = 0x40000000L;
    private static final long SYST_CLIENT = 0x80000000L;
    private static final long COLD_START = 0x20000000L;
    private static final int NOM_POLL_PROFILE_SUPPORT = 1;
    private static final long POLL_PROFILE_REV_0 = 0x80000000L;
    /** Minimum poll period (RelativeTime, 312.5 ms) and MTUs as in the guide's example request. */
    private static final long MIN_POLL_PERIOD = 2500;
    private static final long MAX_MTU_RX = 2500;
    private static final long MAX_MTU_TX = 1000;
    private static final long MAX_BW_TX = 0xFFFFFFFFL;
    private static final long P_OPT_DYN_CREATE_AND_DELETE_OBJECTS = 0x60000000L;
    private static final int NOM_ATTR_POLL_PROFILE_EXT = 0xF001;
    /** POLL_EXT_PERIOD_NU_1SEC | POLL_EXT_PERIOD_RTSA | POLL_EXT_ENUM. */
    private static final long POLL_EXT_OPTIONS = 0x8C000000L;

    private ClientMessageEncoder() {
    }

    public static byte[] associationRequest() {
        byte[] userInfo = new ByteWriter()
                .u32(MDDL_VERSION1).u32(NOMEN_VERSION).u32(0).u32(SYST_CLIENT).u32(COLD_START)
                .u16(0).u16(0)
                .u16(1).u16(44)
                .u16(NOM_POLL_PROFILE_SUPPORT).u16(40)
                .u32(POLL_PROFILE_REV_0).u32(MIN_POLL_PERIOD).u32(MAX_MTU_RX).u32(MAX_MTU_TX).u32(MAX_BW_TX)
                .u32(P_OPT_DYN_CREATE_AND_DELETE_OBJECTS)
                .u16(1).u16(12)
                .u16(NOM_ATTR_POLL_PROFILE_EXT).u16(8).u32(POLL_EXT_OPTIONS).u16(0).u16(0)
                .toByteArray();
        byte[] presentation = new ByteWriter()
                .bytes(ASSOCIATION_PRESENTATION_HEADER).asnLength(userInfo.length).bytes(userInfo)
                .bytes(PRESENTATION_TRAILER)
                .toByteArray();
        byte[] session = new ByteWriter()
                .bytes(SESSION_DATA).u8(PRESENTATION_HEADER_TAG).lengthIndicator(presentation.length)
                .bytes(presentation)
                .toByteArray();
        return new ByteWriter().u8(CN_SPDU).lengthIndicator(session.length).bytes(session).toByteArray();
    }

    /** Confirms the MDS Create Event Report, echoing its invoke id, MDS and event time. */
    public static byte[] mdsCreateEventResult(MdsCreateEvent event) {
        byte[] result = new ByteWriter()
                .u16(event.mds().objectClass()).u16(event.mds().contextId()).u16(event.mds().handle())
                .u32(event.eventTime()).u16(NOM_NOTI_MDS_CREAT).u16(0)
                .toByteArray();
        return data(RORS_APDU, new ByteWriter()
                .u16(event.invokeId()).u16(CMD_CONFIRMED_EVENT_REPORT).u16(result.length).bytes(result)
                .toByteArray());
    }

    /** Extended Poll Data Request for all numerics ({@code NOM_MOC_VMO_METRIC_NU}, all attribute groups). */
    public static byte[] extendedNumericPoll(int invokeId, int pollNumber) {
        byte[] request = new ByteWriter()
                .u16(pollNumber).u16(NOM_PART_OBJ).u16(NOM_MOC_VMO_METRIC_NU).u16(0)
                .u16(0).u16(0)
                .toByteArray();
        return action(invokeId, NOM_ACT_POLL_MDIB_DATA_EXT, request);
    }

    /** Single Poll Data Request for all numerics. */
    public static byte[] singleNumericPoll(int invokeId, int pollNumber) {
        return singlePoll(invokeId, pollNumber, NOM_MOC_VMO_METRIC_NU);
    }

    /** A cheap request that keeps the association alive: a Single Poll of the MDS object itself. */
    public static byte[] keepAlivePoll(int invokeId, int pollNumber) {
        return singlePoll(invokeId, pollNumber, NOM_MOC_VMS_MDS);
    }

    public static byte[] releaseRequest() {
        return RELEASE_REQUEST.clone();
    }

    /** The answer to a monitor's release request. */
    public static byte[] releaseResult() {
        return RELEASE_RESULT.clone();
    }

    private static byte[] singlePoll(int invokeId, int pollNumber, int objectClass) {
        byte[] request = new ByteWriter()
                .u16(pollNumber).u16(NOM_PART_OBJ).u16(objectClass).u16(0)
                .toByteArray();
        return action(invokeId, NOM_ACT_POLL_MDIB_DATA, request);
    }

    /** ROIV CMD_CONFIRMED_ACTION on the MDS (context 0, handle 0) with scope 0. */
    private static byte[] action(int invokeId, int actionType, byte[] request) {
        byte[] argument = new ByteWriter()
                .u16(NOM_MOC_VMS_MDS).u16(0).u16(0).u32(0)
                .u16(actionType).u16(request.length).bytes(request)
                .toByteArray();
        return data(ROIV_APDU, new ByteWriter()
                .u16(invokeId).u16(CMD_CONFIRMED_ACTION).u16(argument.length).bytes(argument)
                .toByteArray());
    }

    /** SPpdu and ROapdus around a remote operation. */
    private static byte[] data(int roType, byte[] apdu) {
        return new ByteWriter()
                .u16(DATA_SESSION_ID).u16(PRESENTATION_CONTEXT_ID)
                .u16(roType).u16(apdu.length).bytes(apdu)
                .toByteArray();
    }
}
