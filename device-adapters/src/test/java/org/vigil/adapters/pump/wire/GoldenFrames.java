package org.vigil.adapters.pump.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reply frames written out by hand, their CRCs computed apart from the code under test (a bitwise CRC-16/CCITT-FALSE
 * over the body), so that the framer and the encoder are checked against fixed bytes.
 */
final class GoldenFrames {

    static final String STATUS_BODY =
            "INF^ALR8100-0042^NONE^INFUSING^52.5^10.50^42^0:28:00^24.50^20250301101200";
    static final String STATUS = "!" + STATUS_BODY + "|ED9A\r";
    static final String PROGRAMME_BODY = "INF_PROG^KETAMINE^1^52.5^35^0.75^mg/kg/h";
    static final String PROGRAMME = "!" + PROGRAMME_BODY + "|FB89\r";
    static final String OCCLUSION_BODY =
            "INF^ALR8100-0042^OCCL_DOWN^STOPPED^52.5^10.50^612^--^24.50^20250301101200";
    static final String OCCLUSION = "!" + OCCLUSION_BODY + "|5837\r";
    static final String ACK_BODY = "ACK^INF_RATE";
    static final String ACK = "!" + ACK_BODY + "|2F7E\r";
    static final String MINIMAL_STATUS_BODY = "INF^SN1^NONE^IDLE^0^0^--^--";
    static final String MINIMAL_STATUS = "!" + MINIMAL_STATUS_BODY + "|1911\r";

    private GoldenFrames() {
    }

    static byte[] ascii(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            out.writeBytes(part.getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }
}
