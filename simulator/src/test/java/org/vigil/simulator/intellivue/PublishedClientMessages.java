package org.vigil.simulator.intellivue;

/**
 * Client messages as published in VSCapture (xeonfusion/VSCaptureMP, {@code DataConstants}), a client known to
 * work with real IntelliVue monitors: what the impersonator must understand.
 */
final class PublishedClientMessages {

    static final byte[] ASSOCIATION_REQUEST = MessageBuilder.fromHex("""
            0D EC 05 08 13 01 00 16 01 02 80 00 14 02 00 02 C1 DC 31 80 A0 80 80 01 01 00 00 A2 80 A0 03 00
            00 01 A4 80 30 80 02 01 01 06 04 52 01 00 01 30 80 06 02 51 01 00 00 00 00 30 80 02 01 02 06 0C
            2A 86 48 CE 14 02 01 00 00 00 01 01 30 80 06 0C 2A 86 48 CE 14 02 01 00 00 00 02 01 00 00 00 00
            00 00 61 80 30 80 02 01 01 A0 80 60 80 A1 80 06 0C 2A 86 48 CE 14 02 01 00 00 00 03 01 00 00 BE
            80 28 80 06 0C 2A 86 48 CE 14 02 01 00 00 00 01 01 02 01 02 81 48 80 00 00 00 40 00 00 00 00 00
            00 00 80 00 00 00 20 00 00 00 00 00 00 00 00 01 00 2C 00 01 00 28 80 00 00 00 00 00 09 C4 00 00
            09 C4 00 00 03 E8 FF FF FF FF 60 00 00 00 00 01 00 0C F0 01 00 08 8C 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00""");

    static final byte[] MDS_CREATE_EVENT_RESULT = MessageBuilder.fromHex("""
            E1 00 00 02 00 02 00 14 00 01 00 01 00 0E 00 21 00 00 00 00 00 0A BD 00 0D 06 00 00""");

    static final byte[] EXTENDED_NUMERIC_POLL = MessageBuilder.fromHex("""
            E1 00 00 02 00 01 00 20 00 01 00 07 00 1A 00 21 00 00 00 00 00 00 00 00 F1 3B 00 0C 00 01 00 01
            00 06 00 00 00 00 00 00""");

    static final byte[] SINGLE_NUMERIC_POLL = MessageBuilder.fromHex("""
            E1 00 00 02 00 01 00 1C 00 00 00 07 00 16 00 21 00 00 00 00 00 00 00 00 0C 16 00 08 00 01 00 01
            00 06 00 00""");

    static final byte[] SINGLE_MDS_POLL = MessageBuilder.fromHex("""
            E1 00 00 02 00 01 00 1C 00 00 00 07 00 16 00 21 00 00 00 00 00 00 00 00 0C 16 00 08 00 01 00 01
            00 21 00 00""");

    static final byte[] RELEASE_REQUEST = MessageBuilder.fromHex(
            "09 18 C1 16 61 80 30 80 02 01 01 A0 80 62 80 80 01 00 00 00 00 00 00 00 00 00");

    static final byte[] ABORT = MessageBuilder.fromHex("""
            19 2E 11 01 03 C1 29 A0 80 A0 80 30 80 02 01 01 06 02 51 01 00 00 00 00 61 80 30 80 02 01 01 A0
            80 64 80 80 01 01 00 00 00 00 00 00 00 00 00 00""");

    private PublishedClientMessages() {
    }
}
