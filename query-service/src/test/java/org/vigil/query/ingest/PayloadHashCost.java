package org.vigil.query.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.Vital;

/**
 * What hashing a device message's content costs on the thread that stores the messages: {@link PayloadHash}
 * against the way it was computed before (the report turned into a JSON tree, the tree edited, then written), on
 * the same reports — a monitor's four vitals and a pump's status, as the clinic load sends them — in alternating
 * rounds after a warm-up, on one thread. Both must give every report the same hash. Not part of the build (its name
 * is not a test's); run it with {@code ./mvnw -o -B -ntp -pl query-service -am verify -DskipITs -Djazzer.skip=true
 * -Dtest=PayloadHashCost -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PayloadHashCost {

    private static final int REPORTS = 2_000;
    private static final int ROUNDS = 20;
    private static final int WARM_UP_ROUNDS = 10;

    private static final ObjectMapper TREE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @Test
    void hashTheSameReportsBothWays() throws Exception {
        List<DeviceReport> reports = reports();
        for (DeviceReport report : reports) {
            if (throughTree(report) != PayloadHash.of(report)) {
                throw new IllegalStateException("the two ways hash " + report + " differently");
            }
        }
        long[] nanos = new long[2];
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            boolean treeFirst = round % 2 == 0;
            long first = time(reports, treeFirst ? PayloadHashCost::throughTree : PayloadHash::of);
            long second = time(reports, treeFirst ? PayloadHash::of : PayloadHashCost::throughTree);
            if (round >= WARM_UP_ROUNDS) {
                nanos[treeFirst ? 0 : 1] += first;
                nanos[treeFirst ? 1 : 0] += second;
            }
        }
        double tree = (double) nanos[0] / ROUNDS / reports.size() / 1e3;
        double direct = (double) nanos[1] / ROUNDS / reports.size() / 1e3;
        System.out.printf(Locale.ROOT, "%nContent hash of a device message, %d reports, %d rounds after %d of warm-up:"
                + "%n%n| way | µs per report |%n|---|---:|%n| JSON tree, then written (before) | %.1f |"
                + "%n| written once into the digest (now) | %.1f |%n%nnow / before: %.2f%n",
                reports.size(), ROUNDS, WARM_UP_ROUNDS, tree, direct, direct / tree);
    }

    private static long time(List<DeviceReport> reports, ToLongFunction<DeviceReport> hash) {
        long sum = 0;
        long start = System.nanoTime();
        for (DeviceReport report : reports) {
            sum += hash.applyAsLong(report);
        }
        long took = System.nanoTime() - start;
        return sum == 42 ? took + 1 : took;
    }

    /** The content hash as Vigil computed it before {@link PayloadHash} wrote the JSON once. */
    private static long throughTree(DeviceReport report) {
        ObjectNode content = TREE.valueToTree(report);
        content.remove("receivedAt");
        content.put("type", report.getClass().getSimpleName());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(TREE.writeValueAsBytes(content));
            return ByteBuffer.wrap(digest).getLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<DeviceReport> reports() {
        Instant start = Instant.parse("2026-12-07T09:00:00Z");
        List<DeviceReport> reports = new ArrayList<>(REPORTS);
        for (int i = 0; i < REPORTS; i++) {
            Instant made = start.plusMillis(500L * i);
            MessageKey key = new MessageKey("GW-" + i % 16, "MSG-" + i);
            if (i % 3 == 2) {
                reports.add(new PumpReport(DeviceId.of("pump-" + i % 16), key, made, made.plusMillis(40),
                        PumpStatus.INFUSING, new PumpProgramme("ketamine", 10.0, 21.0, 14.0, 0.5, "mg/kg/h"),
                        0.01 * i, 14.0 - 0.01 * i, Duration.ofSeconds(2_400 - i), i % 30 == 2 ? List.of(
                        new PumpAlarm(PumpAlarmKind.OCCLUSION_DOWNSTREAM, AlarmPriority.HIGH, "Occlusion", true))
                        : List.of()));
            } else {
                reports.add(new DeviceObservations(DeviceId.of("monitor-" + i % 16), key, made, made.plusMillis(40),
                        List.of(Observation.of(Vital.HEART_RATE, 60 + i % 40, null),
                                Observation.of(Vital.SPO2, 94 + i % 6, null),
                                Observation.of(Vital.PULSE_RATE, 60 + i % 40, null),
                                Observation.of(Vital.RESPIRATORY_RATE, 12 + i % 8, null))));
            }
        }
        return reports;
    }
}
