package org.vigil.adapters.intellivue.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Hex helpers and the public capture used as golden input. */
final class TestBytes {

    private TestBytes() {
    }

    static byte[] hex(String hex) {
        return ByteWriter.hex(hex);
    }

    static byte[] concat(byte[]... parts) {
        ByteWriter writer = new ByteWriter();
        for (byte[] part : parts) {
            writer.bytes(part);
        }
        return writer.toByteArray();
    }

    /** Payload {@code line} (1-based) of {@code intellivue/mds-create-and-numerics-capture.hex}. */
    static byte[] capture(int line) {
        return captureLines().get(line - 1);
    }

    static List<byte[]> captureLines() {
        try (InputStream in = TestBytes.class.getResourceAsStream("/intellivue/mds-create-and-numerics-capture.hex")) {
            List<byte[]> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(hex(line.trim()));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
