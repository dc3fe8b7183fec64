package org.vigil.simulator.masimo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.VitalsTrace;

/**
 * What a Masimo oximeter playing a scenario writes at a wall-clock instant. Simulated time starts at
 * {@code wallStart} and runs {@code speed} times as fast, as for the other simulated monitors; the SpO2 and pulse
 * rate are the trace's values of the current simulated second. The oximeter's clock shows simulated time in its
 * zone. While a fault is active the line carries its exception bit and, unless the fault lets values continue,
 * dashes instead of values. Pure, but not thread-safe.
 */
final class OximeterReadings {

    private static final double PERFUSION_INDEX = 2.4;
    private static final int SPO2_LOW_LIMIT = 90;

    private final VitalsTrace trace;
    private final List<OximeterFault> faults;
    private final Instant wallStart;
    private final double speed;
    private final ZoneId zone;
    private final String serialNumber;

    OximeterReadings(VitalsTrace trace, List<OximeterFault> faults, Instant wallStart, double speed, ZoneId zone,
                     String serialNumber) {
        this.trace = trace;
        this.faults = List.copyOf(faults);
        this.wallStart = wallStart;
        this.speed = speed;
        this.zone = zone;
        this.serialNumber = serialNumber;
    }

    OximeterLine at(Instant now) {
        long wallNanos = Math.max(0, Duration.between(wallStart, now).toNanos());
        Duration elapsed = Duration.ofSeconds(Duration.ofNanos((long) (wallNanos * speed)).toSeconds());
        LocalDateTime clock = LocalDateTime.ofInstant(wallStart.plus(elapsed), zone);
        int exceptions = OximeterLine.MASIMO_SET;
        boolean values = true;
        for (OximeterFault fault : faults) {
            if (fault.activeAt(elapsed)) {
                exceptions |= fault.kind().exceptionBit();
                values &= fault.kind().valuesContinue();
            }
        }
        if (!values) {
            return new OximeterLine(clock, serialNumber, null, null, null, 0, exceptions & ~OximeterLine.MASIMO_SET);
        }
        List<Measurement> periodic = trace.periodicAt(elapsed);
        Integer spo2 = value(periodic, VitalSign.SPO2);
        Integer pulse = value(periodic, VitalSign.PULSE_RATE);
        int alarms = spo2 != null && spo2 < SPO2_LOW_LIMIT ? OximeterLine.ALARM_ACTIVE | 0x0002 : 0;
        return new OximeterLine(clock, serialNumber, spo2, pulse, PERFUSION_INDEX, alarms, exceptions);
    }

    private static Integer value(List<Measurement> measurements, VitalSign vital) {
        return measurements.stream().filter(m -> m.vital() == vital).map(Measurement::value).findFirst().orElse(null);
    }
}
