package org.vigil.adapters.hl7.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Loads the pump and alarm example messages (under {@code /pcd10}, {@code /pcd04}, {@code /pcd01-pump}):
 * comment lines dropped, segments joined with {@code \r}. Each file names its source in its comments.
 */
public final class PcdExamples {

    public static final String IPEC_DELIVERY_START = "pcd10/ipec-delivery-start-dopamine.hl7";
    public static final String KETAMINE_PAUSED = "pcd10/ketamine-delivery-stop-paused.hl7";
    public static final String KETAMINE_COMPLETE = "pcd10/ketamine-delivery-complete.hl7";
    public static final String KETAMINE_KVO = "pcd10/ketamine-kvo-start.hl7";
    public static final String KETAMINE_STOPPED_BY_ALARM = "pcd10/ketamine-stopped-by-alarm.hl7";

    public static final String PUMP_OCCLUSION_START = "pcd04/bbraun-pump-occlusion-start.hl7";
    public static final String PUMP_OCCLUSION_END = "pcd04/bbraun-pump-occlusion-end.hl7";
    public static final String SPO2_LOW_START = "pcd04/mindray-spo2-low-start.hl7";

    public static final String KETAMINE_INFUSING = "pcd01-pump/ketamine-lvp-infusing.hl7";
    public static final String DOPAMINE_PAUSED_CHANNELS = "pcd01-pump/dopamine-paused-pump-channels.hl7";
    public static final String MONITOR_AND_PUMP = "pcd01-pump/gateway-monitor-and-pump.hl7";

    private PcdExamples() {
    }

    public static String load(String path) {
        try (InputStream in = PcdExamples.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no example message " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .collect(Collectors.joining("\r", "", "\r"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
