package org.vigil.adapters.hl7.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Loads the example messages under {@code /pcd01}: comment lines dropped, segments joined with {@code \r}. */
public final class Pcd01Examples {

    public static final String NIST_GATEWAY_NIBP = "nist-acme-gateway-nibp.hl7";
    public static final String GE_B40_MONITOR = "ge-b40-physiological-monitor.hl7";
    public static final String LINKWATCH_BLOOD_PRESSURE = "linkwatch-blood-pressure.hl7";
    public static final String MONITOR_EMPTY_OBX2 = "monitor-empty-obx2.hl7";

    private Pcd01Examples() {
    }

    public static String load(String name) {
        try (InputStream in = Pcd01Examples.class.getResourceAsStream("/pcd01/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example message " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .collect(Collectors.joining("\r", "", "\r"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
