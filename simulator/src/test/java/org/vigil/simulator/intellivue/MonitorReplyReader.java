package org.vigil.simulator.intellivue;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads back what the impersonator sent, as a client would, to check it field by field. */
final class MonitorReplyReader {

    record Poll(int invokeId, int pollNumber, long relativeTime, int objectClass, Map<Integer, Integer> values) {
    }

    private MonitorReplyReader() {
    }

    static byte[] unwrap(byte[] frame) {
        List<byte[]> messages = new SerialFrames.Reader(8192).push(frame);
        if (messages.size() != 1) {
            throw new AssertionError("expected one valid frame, got " + messages.size());
        }
        return messages.get(0);
    }

    /** Physio id to FLOAT-Type of every numeric in a poll result. */
    static Poll poll(byte[] message, boolean extended) {
        ByteBuffer in = ByteBuffer.wrap(message);
        in.position(8);
        int invokeId = u16(in);
        in.position(in.position() + 4 + 6 + 4);
        int pollNumber = u16(in);
        if (extended) {
            u16(in);
        }
        long relativeTime = in.getInt() & 0xFFFFFFFFL;
        in.position(in.position() + 8 + 2);
        int objectClass = u16(in);
        u16(in);
        Map<Integer, Integer> values = new LinkedHashMap<>();
        int contexts = u16(in);
        u16(in);
        for (int c = 0; c < contexts; c++) {
            u16(in);
            int objects = u16(in);
            u16(in);
            for (int o = 0; o < objects; o++) {
                u16(in);
                int attributes = u16(in);
                u16(in);
                for (int a = 0; a < attributes; a++) {
                    int id = u16(in);
                    int length = u16(in);
                    int end = in.position() + length;
                    if (id == 0x0950) {
                        readValue(in, values);
                    } else if (id == 0x094B) {
                        int count = u16(in);
                        u16(in);
                        for (int v = 0; v < count; v++) {
                            readValue(in, values);
                        }
                    }
                    in.position(end);
                }
            }
        }
        return new Poll(invokeId, pollNumber, relativeTime, objectClass, values);
    }

    private static void readValue(ByteBuffer in, Map<Integer, Integer> values) {
        int physioId = u16(in);
        in.position(in.position() + 4);
        values.put(physioId, in.getInt());
    }

    private static int u16(ByteBuffer in) {
        return in.getShort() & 0xFFFF;
    }
}
