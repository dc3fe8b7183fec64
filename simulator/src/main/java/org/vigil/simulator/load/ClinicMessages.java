package org.vigil.simulator.load;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.simulator.hl7.Pcd01Encoder;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.pump.Pcd01PumpEncoder;
import org.vigil.simulator.pump.PumpDose;
import org.vigil.simulator.pump.PumpSnapshot;
import org.vigil.simulator.pump.PumpState;
import org.vigil.simulator.pump.Programme;

/**
 * What the devices of a clinic load send. A monitor sends PCD-01 once a second (heart rate, pulse rate, SpO2,
 * respiratory rate) and adds a cuff reading on the protocol's NIBP cadence; a pump sends its PCD-01 status every
 * 2 s, infusing the standard ketamine dose (0.5 mg/kg over 40 min).
 * <p>
 * An abnormal chair plays a {@value #CYCLE_SECONDS}-second cycle from the start of the run: a cuff reading of
 * 168/96 mmHg (48 mmHg above the 120/80 baseline: {@code relative-surge}, MEDIUM, no delay) and a heart rate of
 * 130/min (over 120: {@code tachycardia}, MEDIUM, after its 10 s delay) for the first 14 s; then 122/80 mmHg and
 * 76/min, which end both conditions, so the next cycle raises both alarms again.
 */
final class ClinicMessages {

    static final int CYCLE_SECONDS = 20;
    static final String SURGE = "relative-surge";
    static final String TACHYCARDIA = "tachycardia";
    static final double WEIGHT_KG = 72.5;

    private static final int HIGH_HEART_RATE_SECONDS = 14;
    private static final int SECOND_CUFF_SECOND = 10;
    private static final int HEART_RATE_DELAY_SECONDS = 10;
    private static final Programme KETAMINE = PumpDose.ketamine(WEIGHT_KG, 1.0).programme();

    /** One message to send, and the alarm rule it may raise when it is one that can (else empty). */
    record Outgoing(String controlId, String text, Optional<String> mayRaise) {
    }

    private final String runTag;
    private final Clock clock;

    ClinicMessages(String runTag, Clock clock) {
        this.runTag = runTag;
        this.clock = clock;
    }

    /** The monitor's message of second {@code second} of the run. */
    Outgoing monitor(ClinicChair chair, long second) {
        String controlId = runTag + "-" + chair.number() + "-m" + second;
        List<Measurement> values = new ArrayList<>(7);
        Optional<String> mayRaise = Optional.empty();
        if (chair.abnormal()) {
            long inCycle = second % CYCLE_SECONDS;
            boolean fast = inCycle < HIGH_HEART_RATE_SECONDS;
            values.add(new Measurement(VitalSign.HEART_RATE, fast ? 130 : 76));
            values.add(new Measurement(VitalSign.PULSE_RATE, fast ? 130 : 76));
            if (inCycle == 0) {
                cuff(values, 168, 96);
                mayRaise = Optional.of(SURGE);
            } else if (inCycle == SECOND_CUFF_SECOND) {
                cuff(values, 122, 80);
            }
            if (fast && inCycle >= HEART_RATE_DELAY_SECONDS) {
                mayRaise = Optional.of(TACHYCARDIA);
            }
        } else {
            int wobble = (int) (second % 5);
            values.add(new Measurement(VitalSign.HEART_RATE, 70 + wobble));
            values.add(new Measurement(VitalSign.PULSE_RATE, 70 + wobble));
            if (cuffDue(chair, second)) {
                cuff(values, 118, 76);
            }
        }
        values.add(new Measurement(VitalSign.SPO2, 97));
        values.add(new Measurement(VitalSign.RESPIRATORY_RATE, 14));
        return new Outgoing(controlId, Pcd01Encoder.encode(chair.monitor(), controlId, clock.instant(), values),
                mayRaise);
    }

    /** The pump's status of second {@code second} of the run. */
    Outgoing pump(ClinicChair chair, long second) {
        String controlId = runTag + "-" + chair.number() + "-p" + second;
        Duration elapsed = Duration.ofSeconds(second);
        double hours = second / 3600.0;
        double delivered = Math.min(KETAMINE.vtbiMl(), KETAMINE.rateMlPerHour() * hours);
        Duration remaining = Duration.ofSeconds((long) ((KETAMINE.vtbiMl() - delivered)
                / KETAMINE.rateMlPerHour() * 3600));
        PumpSnapshot snapshot = new PumpSnapshot(elapsed, PumpState.INFUSING, KETAMINE, delivered, 0, List.of(), 40,
                remaining);
        return new Outgoing(controlId, Pcd01PumpEncoder.encode(chair.pump(), controlId, clock.instant(), snapshot),
                Optional.empty());
    }

    private static boolean cuffDue(ClinicChair chair, long second) {
        long interval = ClinicChair.NIBP_INTERVAL.toSeconds();
        long since = second - chair.nibpPhase().toSeconds();
        return since >= 0 && since % interval == 0;
    }

    private static void cuff(List<Measurement> values, int systolic, int diastolic) {
        values.add(new Measurement(VitalSign.NIBP_SYSTOLIC, systolic));
        values.add(new Measurement(VitalSign.NIBP_DIASTOLIC, diastolic));
        values.add(new Measurement(VitalSign.NIBP_MEAN, (systolic + 2 * diastolic) / 3));
    }
}
