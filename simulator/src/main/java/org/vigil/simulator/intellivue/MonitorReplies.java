package org.vigil.simulator.intellivue;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Builds the monitor's messages (frame contents, before {@link SerialFrames#wrap}): Association Result, MDS Create
 * Event Report, Single and Extended Poll Data Results, Release Result and Abort, laid out as in the Philips Data
 * Export Interface Programming Guide, "Definition of the Data Export Protocol".
 */
final class MonitorReplies {

    /** One numeric object: its handle, label and one or several (physio id, unit, value) entries. */
    record NumericObject(int handle, int label, List<Entry> entries) {
    }

    /** {@code value} is a FLOAT-Type as sent. */
    record Entry(int physioId, int unitCode, int value) {
    }

    static final int MDS_CLASS = 0x21;
    private static final int SPPDU_SESSION = 0xE100;
    private static final int SPPDU_CONTEXT = 2;
    private static final int ROIV = 1;
    private static final int RORS = 2;
    private static final int CONFIRMED_EVENT_REPORT = 1;
    private static final int CONFIRMED_ACTION = 7;
    private static final int NOTI_MDS_CREATE = 0x0D06;
    private static final int NU_OBJECT_CLASS = 6;
    private static final int ATTR_ID_HANDLE = 0x0921;
    private static final int ATTR_ID_LABEL = 0x0924;
    private static final int ATTR_NU_CMPD_VAL_OBS = 0x094B;
    private static final int ATTR_NU_VAL_OBS = 0x0950;
    private static final int ATTR_SYS_TYPE = 0x0986;
    private static final int ATTR_TIME_ABS = 0x0987;
    private static final int ATTR_TIME_REL = 0x098F;
    private static final int DEV_MON_PHYSIO_MULTI_PARAM_MDS = 0x114D;

    private static final byte[] SESSION_DATA = MessageBuilder.fromHex("0508130100160102800014020002");
    private static final byte[] RESULT_PRESENTATION_HEADER = MessageBuilder.fromHex("""
            31 80 A0 80 80 01 01 00 00 A2 80 A0 03 00 00 01 A5 80 30 80 80 01 00 81 02 51 01 00 00 30 80 80 01 00
            81 0C 2A 86 48 CE 14 02 01 00 00 00 02 01 00 00 00 00 61 80 30 80 02 01 01 A0 80 61 80 A1 80 06 0C 2A
            86 48 CE 14 02 01 00 00 00 03 01 00 00 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 80 28 80 02 01 02 81""");
    private static final byte[] RELEASE_RESULT = MessageBuilder.fromHex(
            "0A 18 C1 16 61 80 30 80 02 01 01 A0 80 63 80 80 01 00 00 00 00 00 00 00 00 00");
    private static final byte[] ABORT = MessageBuilder.fromHex("""
            19 2E 11 01 03 C1 29 A0 80 A0 80 30 80 02 01 01 06 02 51 01 00 00 00 00 61 80 30 80 02 01 01 A0 80 64
            80 80 01 01 00 00 00 00 00 00 00 00 00 00""");

    private MonitorReplies() {
    }

    /** Association Result accepting the client, with the monitor's MDSEUserInfoStd (a server, cold start). */
    static byte[] associationResult() {
        byte[] userInfo = MessageBuilder.create()
                .u32(0x80000000L).u32(0x40000000L).u32(0).u32(0x00800000L).u32(0x20000000L)
                .u16(0).u16(0)
                .u16(1).u16(44).u16(1).u16(40)
                .u32(0x80000000L).u32(2500).u32(1000).u32(2500).u32(0xFFFFFFFFL).u32(0x60000000L)
                .u16(1).u16(12).u16(0xF001).u16(8).u32(0x80000000L).u16(0).u16(0)
                .build();
        byte[] presentation = MessageBuilder.create()
                .raw(RESULT_PRESENTATION_HEADER).berLength(userInfo.length).raw(userInfo).raw(new byte[16])
                .build();
        byte[] session = MessageBuilder.create()
                .raw(SESSION_DATA).u8(0xC1).li(presentation.length).raw(presentation)
                .build();
        return MessageBuilder.create().u8(0x0E).li(session.length).raw(session).build();
    }

    static byte[] mdsCreateEventReport(int invokeId, long relativeTime, LocalDateTime wallClock) {
        byte[] attributes = MessageBuilder.create()
                .u16(ATTR_SYS_TYPE).u16(4).u16(1).u16(DEV_MON_PHYSIO_MULTI_PARAM_MDS)
                .u16(ATTR_TIME_ABS).u16(8).raw(MonitorValues.absoluteTime(wallClock))
                .u16(ATTR_TIME_REL).u16(4).u32(relativeTime)
                .build();
        byte[] createInfo = MessageBuilder.create()
                .u16(MDS_CLASS).u16(0).u16(0).u16(3).sized(attributes)
                .build();
        byte[] eventReport = MessageBuilder.create()
                .u16(MDS_CLASS).u16(0).u16(0).u32(relativeTime).u16(NOTI_MDS_CREATE).sized(createInfo)
                .build();
        return data(ROIV, MessageBuilder.create()
                .u16(invokeId).u16(CONFIRMED_EVENT_REPORT).sized(eventReport).build());
    }

    /** A poll result in one message; numerics only when the numeric class was polled. */
    static byte[] pollResult(ClientRequest.PollRequest poll, long relativeTime, LocalDateTime wallClock,
                             List<NumericObject> objects) {
        MessageBuilder observations = MessageBuilder.create();
        int count = 0;
        if (poll.objectClass() == NU_OBJECT_CLASS) {
            for (NumericObject object : objects) {
                observations.u16(object.handle()).raw(attributesOf(object));
                count++;
            }
        }
        byte[] singleContextPoll = MessageBuilder.create().u16(0).u16(count).sized(observations.build()).build();
        byte[] pollInfoList = count == 0
                ? MessageBuilder.create().u16(0).u16(0).build()
                : MessageBuilder.create().u16(1).sized(singleContextPoll).build();
        MessageBuilder reply = MessageBuilder.create().u16(poll.pollNumber());
        if (poll.extended()) {
            reply.u16(0);
        }
        reply.u32(relativeTime).raw(MonitorValues.absoluteTime(wallClock))
                .u16(1).u16(poll.objectClass()).u16(0).raw(pollInfoList);
        byte[] actionResult = MessageBuilder.create()
                .u16(MDS_CLASS).u16(0).u16(0).u16(poll.extended() ? 0xF13B : 0x0C16).sized(reply.build())
                .build();
        return data(RORS, MessageBuilder.create()
                .u16(poll.invokeId()).u16(CONFIRMED_ACTION).sized(actionResult).build());
    }

    static byte[] releaseResult() {
        return RELEASE_RESULT.clone();
    }

    static byte[] abort() {
        return ABORT.clone();
    }

    private static byte[] attributesOf(NumericObject object) {
        MessageBuilder list = MessageBuilder.create()
                .u16(ATTR_ID_HANDLE).u16(2).u16(object.handle())
                .u16(ATTR_ID_LABEL).u16(4).u32(0x00020000L | object.label());
        if (object.entries().size() == 1) {
            list.u16(ATTR_NU_VAL_OBS).sized(observedValue(object.entries().get(0)));
        } else {
            MessageBuilder compound = MessageBuilder.create();
            object.entries().forEach(entry -> compound.raw(observedValue(entry)));
            list.u16(ATTR_NU_CMPD_VAL_OBS).sized(MessageBuilder.create()
                    .u16(object.entries().size()).sized(compound.build()).build());
        }
        byte[] avas = list.build();
        return MessageBuilder.create().u16(3).sized(avas).build();
    }

    private static byte[] observedValue(Entry entry) {
        return MessageBuilder.create().u16(entry.physioId()).u16(0).u16(entry.unitCode()).u32(entry.value())
                .build();
    }

    private static byte[] data(int roType, byte[] apdu) {
        return MessageBuilder.create().u16(SPPDU_SESSION).u16(SPPDU_CONTEXT).u16(roType).sized(apdu).build();
    }
}
