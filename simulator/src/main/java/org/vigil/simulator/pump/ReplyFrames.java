package org.vigil.simulator.pump;

import java.nio.charset.StandardCharsets;

/** Writes the pump's replies in the protocol's frame: {@code !BODY|CRC\r} (docs/PROTOCOLS.md §3). */
final class ReplyFrames {

    private ReplyFrames() {
    }

    static byte[] frame(String body) {
        return ("!" + body + "|" + PumpCrc.digits(body) + "\r").getBytes(StandardCharsets.US_ASCII);
    }
}
