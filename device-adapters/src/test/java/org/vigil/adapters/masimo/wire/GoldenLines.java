package org.vigil.adapters.masimo.wire;

import java.nio.charset.StandardCharsets;

/**
 * Lines in the published ASCII 1 layout (docs/PROTOCOLS.md §4): a Radical-7 line with every field, as the issue
 * quotes it and as the MD PnP Radical-5/7 driver shows it, a Radical-5 line without a serial number or the Rainbow
 * fields, and a sensor taken off the finger. Each ends with CR LF, as the oximeter sends it.
 */
final class GoldenLines {

    static final String RADICAL_7 = "11/03/26 09:14:02 SN=0000012345 SPO2=097% BPM=084 PI=02.10% SPCO=--.-% "
            + "SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000000";
    static final String RADICAL_7_RAINBOW = "11/03/26 09:14:03 SN=0000012345 SPO2=098% BPM=081 PI=20.00% "
            + "SPCO=01.0% SPMET=00.5% DESAT=01 PIDELTA=-02 PVI=027 ALARM=0000 EXC=000800";
    static final String RADICAL_5 = "09/15/10 15:10:29 SPO2=097% BPM=064 PI=11.82% ALARM=20 EXC=800";
    static final String SENSOR_OFF = "11/03/26 09:14:04 SN=0000012345 SPO2=---% BPM=--- PI=--.--% SPCO=--.-% "
            + "SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000820";

    private GoldenLines() {
    }

    /** The lines as the oximeter sends them, each ended by CR LF. */
    static byte[] wire(String... lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        return ascii(text.toString());
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
