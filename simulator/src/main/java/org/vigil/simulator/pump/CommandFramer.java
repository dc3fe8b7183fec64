package org.vigil.simulator.pump;

import java.util.ArrayList;
import java.util.List;

/**
 * The pump's side of the framing: collects command frames from the serial line, checks their CRC and hands out
 * their bodies. A frame longer than {@link #MAX_FRAME}, one with a bad CRC or a stray byte, and bytes outside any
 * frame are dropped and counted; the next {@code !} starts afresh.
 */
final class CommandFramer {

    /** Commands are short; anything longer is line noise. */
    static final int MAX_FRAME = 128;

    private final StringBuilder frame = new StringBuilder(MAX_FRAME);
    private boolean inFrame;
    private boolean discarding;
    private long good;
    private long bad;

    /** The bodies of the good frames completed by these bytes. */
    List<String> feed(byte[] bytes, int length) {
        List<String> bodies = new ArrayList<>(1);
        for (int i = 0; i < length; i++) {
            char c = (char) (bytes[i] & 0xFF);
            if (c == '!') {
                if (inFrame) {
                    bad++;
                }
                frame.setLength(0);
                inFrame = true;
                discarding = false;
            } else if (discarding || !inFrame) {
                continue;
            } else if (c == '\r') {
                inFrame = false;
                check(bodies);
            } else if (c < ' ' || c > '~' || frame.length() == MAX_FRAME) {
                bad++;
                discarding = true;
                inFrame = false;
            } else {
                frame.append(c);
            }
        }
        return bodies;
    }

    long goodFrames() {
        return good;
    }

    long badFrames() {
        return bad;
    }

    private void check(List<String> bodies) {
        int bar = frame.lastIndexOf("|");
        if (bar < 0 || frame.length() - bar != 5) {
            bad++;
            return;
        }
        String body = frame.substring(0, bar);
        if (!frame.substring(bar + 1).equals(PumpCrc.digits(body))) {
            bad++;
            return;
        }
        good++;
        bodies.add(body);
    }
}
