package org.vigil.simulator.intellivue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The monitor's side of the MIB/RS232 framing: {@code 0xC0}, header {@code 0x11 0x01} with the 16-bit message
 * length, message, FCS (low byte first), {@code 0xC1}; {@code 0xC0 0xC1 0x7D} inside a frame go as {@code 0x7D}
 * and the byte XOR {@code 0x20} (Philips Data Export Interface Programming Guide, MIB/RS232 "Framing",
 * "Transparency").
 */
final class SerialFrames {

    private static final int START = 0xC0;
    private static final int END = 0xC1;
    private static final int ESC = 0x7D;

    private SerialFrames() {
    }

    static byte[] wrap(byte[] message) {
        byte[] body = new byte[message.length + 6];
        body[0] = 0x11;
        body[1] = 0x01;
        body[2] = (byte) (message.length >> 8);
        body[3] = (byte) message.length;
        System.arraycopy(message, 0, body, 4, message.length);
        int fcs = PppFcs.compute(body, 0, message.length + 4);
        body[body.length - 2] = (byte) fcs;
        body[body.length - 1] = (byte) (fcs >> 8);

        ByteArrayOutputStream wire = new ByteArrayOutputStream(body.length + 8);
        wire.write(START);
        for (byte b : body) {
            int v = b & 0xFF;
            if (v == START || v == END || v == ESC) {
                wire.write(ESC);
                wire.write(v ^ 0x20);
            } else {
                wire.write(v);
            }
        }
        wire.write(END);
        return wire.toByteArray();
    }

    /**
     * Collects the client's frames from a byte stream in chunks of any size. Frames that are too long, fail the
     * FCS, carry another header or a wrong length are dropped and counted; reading resumes at the next start flag.
     */
    static final class Reader {

        private final int maxFrameBytes;
        private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
        private boolean inFrame;
        private boolean escapeNext;
        private boolean overflowed;
        private long rejected;

        Reader(int maxMessageBytes) {
            this.maxFrameBytes = maxMessageBytes + 6;
        }

        long rejected() {
            return rejected;
        }

        List<byte[]> push(byte[] chunk) {
            List<byte[]> messages = new ArrayList<>(1);
            for (byte b : chunk) {
                int v = b & 0xFF;
                if (v == START) {
                    if (inFrame) {
                        rejected++;
                    }
                    begin();
                } else if (!inFrame) {
                    continue;
                } else if (v == END) {
                    inFrame = false;
                    finish(messages);
                } else if (v == ESC) {
                    escapeNext = true;
                } else {
                    append(escapeNext ? v ^ 0x20 : v);
                    escapeNext = false;
                }
            }
            return messages;
        }

        private void begin() {
            inFrame = true;
            escapeNext = false;
            overflowed = false;
            frame.reset();
        }

        private void append(int v) {
            if (frame.size() < maxFrameBytes) {
                frame.write(v);
            } else {
                overflowed = true;
            }
        }

        private void finish(List<byte[]> messages) {
            byte[] body = frame.toByteArray();
            int n = body.length;
            boolean valid = !overflowed && !escapeNext && n >= 6
                    && body[0] == 0x11 && body[1] == 0x01
                    && ((body[2] & 0xFF) << 8 | (body[3] & 0xFF)) == n - 6
                    && PppFcs.compute(body, 0, n - 2) == ((body[n - 2] & 0xFF) | (body[n - 1] & 0xFF) << 8);
            if (valid) {
                byte[] message = new byte[n - 6];
                System.arraycopy(body, 4, message, 0, message.length);
                messages.add(message);
            } else {
                rejected++;
            }
        }
    }
}
